package org.rootposture.allure;

/**
 * Puts the compliance matrix into a generated Allure {@code index.html}: a "Compliance matrix" button fixed at the
 * top right of every page of the report opens the matrix, its legend and links to {@value MatrixCsv#FILE_NAME} and
 * {@value MatrixHtml#FILE_NAME}. It is a plain {@code <details>} element with inline styles: no script, nothing
 * loaded, and no test result added, so Allure's own counts stay those of the run.
 *
 * <pre>
 * IndexHtml.finish(report.resolve("index.html"), ReportPanel.panel(matrix, "Root Posture compliance report"));
 * </pre>
 */
public final class ReportPanel {

    /** The id of the injected {@code <details>} element. */
    public static final String PANEL_ID = "rootposture-panel";

    private static final String MARKER = "<!-- Root Posture compliance matrix -->";
    private static final String STYLE = """
            #rootposture-panel{position:fixed;top:10px;right:16px;z-index:10000}
            #rootposture-panel>summary{list-style:none;cursor:pointer;background:#3b2a86;color:#fff;border-radius:4px;
              padding:6px 12px;font:600 13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)}
            #rootposture-panel>summary::-webkit-details-marker{display:none}
            #rootposture-panel[open]>summary{background:#222}
            #rootposture-panel>div{position:fixed;top:48px;left:24px;right:16px;bottom:16px;overflow:auto;background:#fff;
              border:1px solid #bbb;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:16px}
            #rootposture-panel .rp-files{font:13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0 0 12px}
            """;

    private ReportPanel() {
    }

    /** The panel's HTML, which {@link IndexHtml#finish} puts first into the report's {@code <body>}. */
    static String panel(ComplianceMatrix matrix, String reportName) {
        return MARKER + "\n<style>\n" + MatrixHtml.STYLE + STYLE + "</style>\n<details id=\"" + PANEL_ID
                + "\"><summary>Compliance matrix</summary><div>\n<p class=\"rp-files\">Also beside this report: <a href=\""
                + MatrixHtml.FILE_NAME + "\">" + MatrixHtml.FILE_NAME + "</a> (this page alone) and <a href=\""
                + MatrixCsv.FILE_NAME + "\">" + MatrixCsv.FILE_NAME + "</a> (for a spreadsheet).</p>\n"
                + MatrixHtml.section(matrix, reportName) + "</div></details>\n";
    }
}
