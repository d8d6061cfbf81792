package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix as CSV, as a page and as the panel inside the report. */
class MatrixFilesTest {

    @TempDir
    Path results;

    @Test
    void csvHasALinePerCellQuotedWhereNeededAndNoFormulas() throws Exception {
        SampleResults.control(results, "root.mfa.hardware", "111111111111", "=cmd|' /C calc'!A0", null, "failed",
                "MFA is \"virtual\", not hardware");

        String csv = MatrixCsv.of(ComplianceMatrix.read(results));

        assertThat(csv.split("\r\n")).containsExactly(
                String.join(",", MatrixCsv.HEADER),
                "root.mfa.hardware,Title of root.mfa.hardware,CIS AWS Foundations Benchmark,Root user credentials,high,"
                        + "v3.0.0:1.6 v5.0.0:1.5,111111111111,'=cmd|' /C calc'!A0,,FAIL,\"MFA is \"\"virtual\"\", not hardware\"");
    }

    @Test
    void htmlEscapesEveryTextAndLoadsNothing() throws Exception {
        SampleResults.auditRun(results);
        ComplianceMatrix matrix = ComplianceMatrix.read(results);

        String page = MatrixHtml.page(matrix, "Report <b>name</b>");

        assertThat(page).contains("dev &lt;img src=https://outside.example/pixel.png&gt; sandbox", "Report &lt;b&gt;name&lt;/b&gt;")
                .doesNotContain("<img", "<script", "<link", "<b>name")
                .contains("class=\"rp-v rp-WAIVED\"", "<th>Region</th>", "title=\"not checked\"");
    }

    @Test
    void thePanelHoldsTheMatrixAndLinksItsFiles() throws Exception {
        SampleResults.auditRun(results);

        String panel = ReportPanel.panel(ComplianceMatrix.read(results), "Report");

        assertThat(panel.split("id=\"" + ReportPanel.PANEL_ID + "\"", -1)).hasSize(2);
        assertThat(panel).contains("href=\"compliance-matrix.csv\"", "<summary>Compliance matrix</summary>",
                "id=\"" + MatrixHtml.SECTION_ID + "\"");
    }
}
