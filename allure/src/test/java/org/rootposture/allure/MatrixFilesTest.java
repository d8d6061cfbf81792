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
                .doesNotContain("<img", "<script src", "<link", "<b>name")
                .contains("class=\"rp-v rp-WAIVED\"", "title=\"not checked\"", "acme.trail.logging <small>eu-west-1</small>",
                        "data-search=\"333333333333 dev &lt;img src=https://outside.example/pixel.png&gt; sandbox \"");
    }

    @Test
    void accountsAreRowsWithTheirRateAndControlsColumnsWithTheirs() throws Exception {
        SampleResults.auditRun(results);
        ComplianceMatrix matrix = ComplianceMatrix.read(results);

        String section = MatrixHtml.section(matrix, "Report");

        assertThat(section).contains("<tr class=\"rp-totals\"><th>Every account</th><td class=\"rp-rate\">50.0%</td>",
                "<td class=\"rp-rate\" data-control=\"root.mfa.hardware\">50.0%</td>",
                "<tr data-account=\"111111111111\" data-ou=\"\" data-search=\"111111111111 management \"><th>111111111111 <small>management</small></th>"
                        + "<td class=\"rp-rate\">75.0%</td>",
                "<option value=\"3\">", "data-filter=\"verdict\"", "data-filter=\"control\"", "data-filter=\"search\"",
                "title=\"Non-compliant: The root user has no MFA at all.\"")
                .as("no OU filter when the results name none").doesNotContain("data-filter=\"ou\"");
        assertThat(section.indexOf("data-account=\"111111111111\"")).isLessThan(section.indexOf("data-account=\"444444444444\""));
    }

    @Test
    void thePanelHoldsTheMatrixAndLinksItsFiles() throws Exception {
        SampleResults.auditRun(results);

        String panel = ReportPanel.first(ComplianceMatrix.read(results), "<section id=\"rootposture-summary\"></section>", "Report");

        assertThat(panel.split("id=\"" + ReportPanel.PANEL_ID + "\"", -1)).hasSize(2);
        assertThat(panel).contains("href=\"compliance-matrix.csv\"", "<summary>Compliance matrix</summary>",
                "id=\"" + MatrixHtml.SECTION_ID + "\"", "<summary>Executive summary</summary>", "<section id=\"rootposture-summary\">",
                "href=\"summary.html\"");
        assertThat(panel.indexOf("Executive summary")).as("the summary's button first").isLessThan(panel.indexOf("Compliance matrix"));
        assertThat(ReportPanel.last()).contains("allure.api.addTranslation('en', {testResult: {severity: words}})",
                "blocker: 'critical', critical: 'high', normal: 'medium', minor: 'low'", "getElementById('rootposture-matrix')");
    }
}
