package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.rootposture.contract.Html;
import org.rootposture.contract.ReportVerdict;

/**
 * The compliance matrix as HTML: a table with a row per control (and region) and a column per account, each cell
 * the verdict, its message in the cell's tooltip, followed by the verdict legend. Comes as a standalone page
 * ({@value #FILE_NAME} beside the report) and as a panel that {@link ReportPanel} puts into the report itself.
 * Every text is escaped; nothing is loaded from anywhere.
 *
 * <pre>
 * Files.writeString(report.resolve(MatrixHtml.FILE_NAME), MatrixHtml.page(matrix, "Root Posture compliance report"));
 * </pre>
 */
public final class MatrixHtml {

    /** The standalone page's name beside the report's {@code index.html}. */
    public static final String FILE_NAME = "compliance-matrix.html";

    /** The id of the matrix section, for tests and scripts that look for it. */
    public static final String SECTION_ID = "rootposture-matrix";

    static final String STYLE = """
            #rootposture-matrix{font:13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222}
            #rootposture-matrix h2{font-size:20px;margin:0 0 4px}
            #rootposture-matrix .rp-sub{color:#555;margin:0 0 12px}
            #rootposture-matrix table{border-collapse:collapse;margin-bottom:16px}
            #rootposture-matrix th,#rootposture-matrix td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
            #rootposture-matrix thead th{background:#f3f3f3;position:sticky;top:0}
            #rootposture-matrix th small,#rootposture-matrix td small{color:#666;font-weight:normal}
            #rootposture-matrix .rp-group th{background:#e9eef6}
            #rootposture-matrix tbody th{min-width:240px;font-weight:normal}
            #rootposture-matrix tbody th code{font-weight:600}
            #rootposture-matrix td.rp-v{text-align:center;font-weight:600;white-space:nowrap}
            #rootposture-matrix .rp-PASS{background:#d8f0c9;color:#245b0f}
            #rootposture-matrix .rp-FAIL{background:#fbd5cf;color:#8a1c0b}
            #rootposture-matrix .rp-UNABLE_TO_ASSESS{background:#fde9b8;color:#6d4c00}
            #rootposture-matrix .rp-NOT_APPLICABLE{background:#e6e6e6;color:#444}
            #rootposture-matrix .rp-WAIVED{background:#dcd6f7;color:#3b2a86}
            #rootposture-matrix .rp-none{color:#999}
            """;

    private MatrixHtml() {
    }

    /** A complete HTML page holding the matrix. */
    public static String page(ComplianceMatrix matrix, String reportName) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Compliance matrix · "
                + Html.escape(reportName) + "</title>\n<style>\n" + STYLE + "body{margin:16px}\n</style>\n</head>\n<body>\n"
                + section(matrix, reportName) + "</body>\n</html>\n";
    }

    /**
     * Writes {@value #FILE_NAME} into {@code dir}.
     *
     * @return the written file
     */
    public static Path write(ComplianceMatrix matrix, String reportName, Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, page(matrix, reportName), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The matrix section: heading, counts, table and legend. */
    static String section(ComplianceMatrix matrix, String reportName) {
        StringBuilder html = new StringBuilder();
        html.append("<section id=\"").append(SECTION_ID).append("\">\n<h2>Compliance matrix</h2>\n<p class=\"rp-sub\">")
                .append(Html.escape(reportName)).append(" · ").append(Html.escape(matrix.summary()))
                .append(". Hover a cell for the finding; every result in the report carries its evidence.</p>\n");
        table(matrix, html);
        legend(html);
        return html.append("</section>\n").toString();
    }

    private static void table(ComplianceMatrix matrix, StringBuilder html) {
        Map<String, String> accounts = matrix.accounts();
        boolean regions = matrix.hasRegions();
        html.append("<table class=\"rp-matrix\">\n<thead><tr><th>Control</th>");
        if (regions) {
            html.append("<th>Region</th>");
        }
        accounts.forEach((id, name) -> html.append("<th>").append(Html.escape(id))
                .append(name.equals(id) ? "" : "<br><small>" + Html.escape(name) + "</small>").append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        String group = null;
        for (ComplianceMatrix.Row row : matrix.rows()) {
            String rowGroup = row.benchmark() + (row.section().isEmpty() ? "" : " · " + row.section());
            if (!rowGroup.equals(group)) {
                group = rowGroup;
                html.append("<tr class=\"rp-group\"><th colspan=\"").append(accounts.size() + (regions ? 2 : 1)).append("\">")
                        .append(Html.escape(group)).append("</th></tr>\n");
            }
            html.append("<tr><th><code>").append(Html.escape(row.control())).append("</code><br>")
                    .append(Html.escape(row.title()));
            String details = String.join(" · ", row.cis()) + (row.severity().isEmpty() ? "" : (row.cis().isEmpty() ? "" : " · ") + row.severity());
            if (!details.isEmpty()) {
                html.append("<br><small>").append(Html.escape(details)).append("</small>");
            }
            html.append("</th>");
            if (regions) {
                html.append("<td>").append(Html.escape(row.region())).append("</td>");
            }
            for (String account : accounts.keySet()) {
                html.append(matrix.cell(row, account).map(MatrixHtml::cell).orElse("<td class=\"rp-v rp-none\" title=\"not checked\">—</td>"));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String cell(ComplianceMatrix.Cell cell) {
        String title = cell.verdict().label() + (cell.message().isEmpty() ? "" : ": " + cell.message());
        return "<td class=\"rp-v rp-" + cell.verdict().name() + "\" title=\"" + Html.escape(title) + "\">"
                + cell.verdict().cell() + "</td>";
    }

    private static void legend(StringBuilder html) {
        html.append("<table class=\"rp-legend\">\n<thead><tr><th>Cell</th><th>Verdict · Allure status and category</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        for (ReportVerdict verdict : ReportVerdict.values()) {
            html.append("<tr><td class=\"rp-v rp-").append(verdict.name()).append("\">").append(verdict.cell())
                    .append("</td><td>").append(verdict.name()).append(" · ").append(verdict.allureStatus())
                    .append(verdict == ReportVerdict.PASS ? "" : " · category “" + Html.escape(verdict.label()) + "”")
                    .append("</td><td>").append(Html.escape(verdict.meaning())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
