package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.rootposture.contract.ReportVerdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceMatrixTest {

    @TempDir
    Path results;

    @Test
    void everyControlAccountAndRegionGetsItsVerdict() throws Exception {
        SampleResults.auditRun(results);
        SampleResults.result(results, "a check without a control label", "failed", "not a control");

        ComplianceMatrix matrix = ComplianceMatrix.read(results);

        assertThat(matrix.controls()).containsExactly("acme.trail.logging", "root.contacts.security", "root.mfa.hardware");
        assertThat(matrix.accounts()).containsOnlyKeys("111111111111", "222222222222", "333333333333", "444444444444")
                .containsEntry("222222222222", "prod-payments");
        assertThat(matrix.hasRegions()).isTrue();
        assertThat(matrix.tally().counts()).containsAllEntriesOf(Map.of(
                ReportVerdict.PASS, 3, ReportVerdict.FAIL, 3, ReportVerdict.UNABLE_TO_ASSESS, 1,
                ReportVerdict.NOT_APPLICABLE, 1, ReportVerdict.WAIVED, 1)).hasSize(5);
        ComplianceMatrix.Row mfa = matrix.rows().stream().filter(row -> row.control().equals("root.mfa.hardware")).findFirst().orElseThrow();
        assertThat(matrix.cell(mfa, "222222222222").orElseThrow().verdict()).isEqualTo(ReportVerdict.WAIVED);
        assertThat(matrix.cell(mfa, "333333333333").orElseThrow().message()).isEqualTo("The root user has no MFA at all.");
        ComplianceMatrix.Row euWest = matrix.rows().stream().filter(row -> row.region().equals("eu-west-1")).findFirst().orElseThrow();
        assertThat(matrix.cell(euWest, "111111111111").orElseThrow().verdict()).isEqualTo(ReportVerdict.FAIL);
        assertThat(matrix.cell(euWest, "222222222222")).isEmpty();
        assertThat(matrix.summary()).isEqualTo("3 controls × 4 accounts: 3 compliant, 3 non-compliant, 1 unable to assess, 1 not applicable, 1 waived");
    }

    @Test
    void aRerunCountsOnceWithItsLatestVerdictAndTwoTestsOfOneCellShowTheWorst() throws Exception {
        Path old = SampleResults.control(results, "root.mfa.enabled", "111111111111", "management", null, "failed", "no MFA");
        Files.writeString(old, Files.readString(old).replace("1763700001500", "1763600001500"));
        SampleResults.control(results, "root.mfa.enabled", "111111111111", "management", null, "passed", null);
        Path other = SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        Path worse = SampleResults.control(results, "root.mfa.hardware", "111111111111", "management", null, "broken", "Unable to assess x");
        Files.writeString(worse, Files.readString(worse).replaceFirst("\"historyId\":\"[0-9a-f]+\"", "\"historyId\":\"other-test\""));

        ComplianceMatrix matrix = ComplianceMatrix.read(results);

        assertThat(matrix.cells()).hasSize(2);
        assertThat(matrix.cells()).extracting(ComplianceMatrix.Cell::verdict)
                .containsExactly(ReportVerdict.PASS, ReportVerdict.UNABLE_TO_ASSESS);
        assertThat(other).exists();
    }
}
