package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {

    @TempDir
    Path results;

    @Test
    void theRunRecordResultsCommitAndWorkspaceBecomeRowsMostImportantFirst() throws Exception {
        SampleResults.auditRun(results);

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), ComplianceMatrix.read(results),
                Optional.of("abc123 (GITHUB_SHA)"), Map.of("TF_WORKSPACE", "prod"));

        assertThat(rows.keySet()).startsWith("Organization", "Accounts checked", "Benchmarks", "Run", "Compliance matrix", "Waivers");
        assertThat(rows).containsEntry("Organization", "o-test12345")
                .containsEntry("Git commit", "abc123 (GITHUB_SHA)")
                .containsEntry("Terraform/OpenTofu workspace", "prod")
                .containsEntry("Regions", "2 (eu-west-1, us-east-1)")
                .containsEntry("CIS versions referenced", "v3.0.0, v5.0.0")
                .containsEntry("Partition", "aws");
        assertThat(rows.get("Waiver root.mfa.hardware · 222222222222"))
                .isEqualTo("in force until 2099-12-31, approved by Jane Doe (CISO); waived 1 failing result(s) (line 3): hardware keys are on order");
        assertThat(rows.get("Verdict NOT_APPLICABLE")).startsWith("Not applicable (skipped): ");
    }

    @Test
    void withoutARunRecordOnlyWhatTheResultsTellIsShown() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);

        Map<String, String> rows = RunEnvironment.rows(Optional.empty(), ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows).containsEntry("Accounts checked", "1").doesNotContainKeys("Organization", "Run", "Waivers",
                "Git commit", "Terraform/OpenTofu workspace", "Regions");
    }

    @Test
    void aRunWithoutWaiversSaysSo() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        Files.writeString(results.resolve(RunRecord.FILE_NAME), new RunRecord(null, null, "111111111111", "aws", 1,
                List.of("us-east-1"), null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:05Z", null, null).toJson());

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows.get("Waivers")).startsWith("none");
        assertThat(rows).doesNotContainKeys("Organization", "Framework version");
    }
}
