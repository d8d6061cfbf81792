package org.rootposture.allure;

/**
 * What the report generator adds to a generated Allure {@code index.html}. First in its body: two buttons fixed at the
 * top right of every page, "Executive summary" and "Compliance matrix", each a {@code <details>} element that opens
 * its page over the report; the summary opens by itself when the report is opened at its start, so it is the first
 * thing an auditor sees. Last in its body, after Allure's own scripts: a small script that makes the matrix filters
 * work, opens the summary, and shows the product's severity words (critical, high, medium, low) wherever Allure shows
 * its own (blocker, critical, normal, minor): through Allure's translation API for the result pages, and in the
 * Graphs tab's severity chart, whose axis Allure does not translate. A style rule hides the copy of the finding
 * that Allure repeats inside "Execution › Test body", so a result page shows it once. Nothing is loaded, and no test
 * result is added, so Allure's own counts stay those of the run.
 *
 * <pre>
 * IndexHtml.finish(index, ReportPanel.first(matrix, summary, reportName), ReportPanel.last(), historyDir);
 * </pre>
 */
public final class ReportPanel {

    /** The id of the matrix's {@code <details>} element. */
    public static final String PANEL_ID = "rootposture-panel";

    /** The id of the summary's {@code <details>} element. */
    public static final String SUMMARY_PANEL_ID = "rootposture-summary-panel";

    private static final String MARKER = "<!-- Root Posture executive summary and compliance matrix -->";
    private static final String STYLE = """
            #rootposture-buttons{position:fixed;top:10px;right:16px;z-index:10000;display:flex;gap:8px}
            #rootposture-buttons>details>summary{list-style:none;cursor:pointer;background:#3b2a86;color:#fff;border-radius:4px;
              padding:6px 12px;font:600 13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)}
            #rootposture-buttons>details>summary::-webkit-details-marker{display:none}
            #rootposture-buttons>details[open]>summary{background:#222}
            #rootposture-buttons>details>div{position:fixed;top:48px;left:24px;right:16px;bottom:16px;overflow:auto;background:#fff;
              border:1px solid #bbb;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:16px}
            #rootposture-buttons .rp-files{font:13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0 0 12px}
            .test-result-execution .execution__content>.step>.step__content>.status-details{display:none}
            """;

    /**
     * Allure's severity levels in the product's words ({@link org.rootposture.contract.Severity#allureLevel()}), through
     * Allure's translation API, and in the severity chart's axis and tooltips; opens the summary on a report opened at
     * its start; and keeps one panel open at a time.
     */
    static final String SCRIPT = """
            (function () {
              var words = {blocker: 'critical', critical: 'high', normal: 'medium', minor: 'low', trivial: 'low'};
              if (window.allure && allure.api) {
                allure.api.addTranslation('en', {testResult: {severity: words}});
              }
              var axis = {blocker: 'critical', critical: 'high', normal: 'medium', minor: 'low', trivial: ''};
              function chart(root) {
                root.querySelectorAll('.severity-widget .tick text').forEach(function (tick) {
                  var word = tick.getAttribute('data-rp-level') || tick.textContent.trim();
                  if (word in axis && tick.textContent !== axis[word]) {
                    tick.setAttribute('data-rp-level', word);
                    tick.textContent = axis[word];
                  }
                });
                root.querySelectorAll('.popover b').forEach(function (bold) {
                  var text = bold.textContent.replace(/^(\\d+) (blocker|critical|normal|minor|trivial) test cases (\\w+)$/,
                      function (all, count, level, status) { return count + ' ' + words[level] + ' results ' + status; });
                  if (text !== bold.textContent) bold.textContent = text;
                });
              }
              new MutationObserver(function () { chart(document); }).observe(document.body, {childList: true, subtree: true});
              var panels = document.querySelectorAll('#rootposture-buttons>details');
              panels.forEach(function (panel) {
                panel.addEventListener('toggle', function () {
                  if (panel.open) panels.forEach(function (other) { if (other !== panel) other.open = false; });
                });
              });
              if (!location.hash || location.hash === '#') {
                var summary = document.getElementById('%s');
                if (summary) summary.open = true;
              }
            })();
            """.formatted(SUMMARY_PANEL_ID);

    private ReportPanel() {
    }

    /** What {@link IndexHtml#finish} puts first into the report's body: the styles and both panels. */
    static String first(ComplianceMatrix matrix, String summarySection, String reportName) {
        return MARKER + "\n<style>\n" + SummaryHtml.STYLE + MatrixHtml.STYLE + STYLE + "</style>\n<div id=\"rootposture-buttons\">"
                + "<details id=\"" + SUMMARY_PANEL_ID + "\"><summary>Executive summary</summary><div>\n"
                + "<p class=\"rp-files\">Also beside this report: <a href=\"" + SummaryHtml.FILE_NAME + "\">" + SummaryHtml.FILE_NAME
                + "</a> (this page alone, to print). Close it with the button above to see the whole report.</p>\n"
                + summarySection + "</div></details>\n"
                + "<details id=\"" + PANEL_ID + "\"><summary>Compliance matrix</summary><div>\n<p class=\"rp-files\">Also beside this report: <a href=\""
                + MatrixHtml.FILE_NAME + "\">" + MatrixHtml.FILE_NAME + "</a> (this page alone) and <a href=\""
                + MatrixCsv.FILE_NAME + "\">" + MatrixCsv.FILE_NAME + "</a> (for a spreadsheet).</p>\n"
                + MatrixHtml.section(matrix, reportName) + "</div></details></div>\n";
    }

    /** What {@link IndexHtml#finish} puts last into the report's body, after Allure's scripts. */
    static String last() {
        return "<script>\n" + MatrixHtml.SCRIPT + SCRIPT + "</script>\n";
    }
}
