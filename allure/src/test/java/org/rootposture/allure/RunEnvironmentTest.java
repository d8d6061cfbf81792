package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.RunRecord;
import org.rootposture.contract.Tally;

class RunEnvironmentTest {

    @TempDir
    Path results;

    @Test
    void theRunRecordResultsCommitAndWorkspaceBecomeRowsMostImportantFirst() throws Exception {
        SampleResults.auditRun(results);

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), Tally.of(PostureResults.read(results)), ComplianceMatrix.read(results),
                Optional.of("abc123 (GITHUB_SHA)"), Map.of("TF_WORKSPACE", "prod"));

        assertThat(rows.keySet()).startsWith("Organization", "Accounts", "Controls", "Results", "Run", "Compliance matrix", "Waivers");
        assertThat(rows).containsEntry("Organization", "o-test12345")
                .containsEntry("Git commit", "abc123 (GITHUB_SHA)")
                .containsEntry("Terraform/OpenTofu workspace", "prod")
                .containsEntry("Regions", "2 (eu-west-1, us-east-1)")
                .containsEntry("CIS versions referenced", "v3.0.0, v5.0.0")
                .containsEntry("Partition", "aws");
        assertThat(rows.get("Waiver root.mfa.hardware · 222222222222"))
                .isEqualTo("in force until 2099-12-31, approved by Jane Doe (CISO); waived 1 failing result(s) (line 3): hardware keys are on order");
        assertThat(rows).containsEntry("Accounts", "4: 4 checked")
                .containsEntry("Results", "9 results: 3 compliant, 3 non-compliant, 1 unable to assess, 1 not applicable, 1 waived");
        assertThat(rows.get("Verdict Not applicable")).startsWith("the requirement cannot apply").endsWith("(NOT_APPLICABLE; Allure status skipped)");
    }

    @Test
    void withoutARunRecordOnlyWhatTheResultsTellIsShown() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);

        Map<String, String> rows = RunEnvironment.rows(Optional.empty(), Tally.of(PostureResults.read(results)), ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows).containsEntry("Accounts", "1").doesNotContainKeys("Organization", "Run", "Waivers",
                "Git commit", "Terraform/OpenTofu workspace", "Regions");
    }

    @Test
    void aRunWithoutWaiversSaysSo() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        Files.writeString(results.resolve(RunRecord.FILE_NAME), new RunRecord(null, null, "111111111111", "aws", 1, 0,
                List.of("us-east-1"), null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:05Z", null, null, null).toJson());

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), Tally.of(PostureResults.read(results)), ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows.get("Waivers")).startsWith("none");
        assertThat(rows).doesNotContainKeys("Organization", "Framework version");
    }

    @Test
    void accountsListedButNotCheckedAreCountedAsTheMatrixCountsThem() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        SampleResults.control(results, "root.mfa.hardware", "999999999999", "closing", null, "skipped", "Not applicable: The account is SUSPENDED.");
        Files.writeString(results.resolve(RunRecord.FILE_NAME), new RunRecord(null, null, "111111111111", "aws", 1, 1,
                List.of("us-east-1"), null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:05Z", null, null, null).toJson());

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), Tally.of(PostureResults.read(results)),
                ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows.get("Accounts")).startsWith("2: 1 checked, 1 listed by the organization but not checked");
    }

    @Test
    void aReplaySaysWhenTheEvidenceWasRecordedAndWhenItWasJudged() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        Files.writeString(results.resolve(RunRecord.FILE_NAME), new RunRecord(null, null, "111111111111", "aws", 1, 0,
                List.of("us-east-1"), null, "2026-03-01T00:00:00Z", "2026-03-01T00:00:05Z", "2026-01-01T00:00:00Z", null, null).toJson());

        Map<String, String> rows = RunEnvironment.rows(RunRecord.read(results), Tally.of(PostureResults.read(results)),
                ComplianceMatrix.read(results), Optional.empty(), Map.of());

        assertThat(rows.get("Evidence recorded")).startsWith("2026-01-01T00:00:00Z");
        assertThat(rows.get("Judged")).startsWith("2026-03-01T00:00:00Z to 2026-03-01T00:00:05Z");
        assertThat(rows).doesNotContainKey("Run");
    }
}
