package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.rootposture.contract.Html;
import org.rootposture.contract.ReportVerdict;

/**
 * The compliance matrix as HTML, for estates of any size: a row per account, a column per control (and region), so the
 * controls fit a screen and the accounts scroll; the header and the account column stay in place while scrolling. Each
 * cell shows the verdict; clicking it shows the finding above the table (hovering shows it too). Each account has its
 * compliance rate, each control its rate over all accounts (see {@link ComplianceRate}). Filters by verdict, control
 * and organizational unit, and a search by account id or name, narrow the rows; a small inline script does that, and
 * reads everything from the table itself (never parsing text as HTML), so an account name from AWS stays text. Comes as
 * a standalone page ({@value #FILE_NAME} beside the report) and as a panel that {@link ReportPanel} puts into the
 * report itself. Every text is escaped; nothing is loaded from anywhere.
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

    /** Index of the first control column: account, then compliance rate. */
    private static final int FIRST_CONTROL_COLUMN = 3;

    static final String STYLE = """
            #rootposture-matrix{font:13px/1.4 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222}
            #rootposture-matrix h2{font-size:20px;margin:0 0 4px}
            #rootposture-matrix .rp-sub{color:#555;margin:0 0 8px}
            #rootposture-matrix .rp-filters{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:0 0 8px}
            #rootposture-matrix .rp-filters select,#rootposture-matrix .rp-filters input{font:inherit;padding:2px 4px}
            #rootposture-matrix .rp-shown{color:#555}
            #rootposture-matrix .rp-finding{border:1px solid #bbb;background:#fffbe6;padding:6px 10px;margin:0 0 8px;white-space:pre-wrap}
            #rootposture-matrix .rp-scroll{overflow:auto;max-height:calc(100vh - 220px);border:1px solid #ddd}
            #rootposture-matrix table{border-collapse:separate;border-spacing:0}
            #rootposture-matrix th,#rootposture-matrix td{border-right:1px solid #ddd;border-bottom:1px solid #ddd;padding:2px 5px;text-align:left;vertical-align:top;background:#fff}
            #rootposture-matrix .rp-matrix thead th,#rootposture-matrix .rp-matrix thead td{position:sticky;background:#f3f3f3;z-index:2}
            #rootposture-matrix .rp-matrix thead tr:first-child>*{top:0}
            #rootposture-matrix .rp-matrix thead tr.rp-totals>*{top:var(--rp-head,150px);font-weight:600}
            #rootposture-matrix .rp-matrix tr>:first-child{position:sticky;left:0;z-index:1;min-width:200px;max-width:280px}
            #rootposture-matrix .rp-matrix thead tr>:first-child{z-index:3}
            #rootposture-matrix .rp-matrix thead th.rp-col{vertical-align:bottom;padding:4px 2px;cursor:help}
            #rootposture-matrix .rp-col span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block;font-weight:600}
            #rootposture-matrix .rp-col small{font-weight:normal}
            #rootposture-matrix th small,#rootposture-matrix td small{color:#666;font-weight:normal}
            #rootposture-matrix tbody th{font-weight:normal;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            #rootposture-matrix .rp-rate{text-align:right;white-space:nowrap}
            #rootposture-matrix td.rp-v{text-align:center;font-weight:600;white-space:nowrap;cursor:pointer;font-size:12px}
            #rootposture-matrix td.rp-selected{outline:3px solid #222;outline-offset:-3px}
            #rootposture-matrix .rp-PASS{background:#d8f0c9;color:#245b0f}
            #rootposture-matrix .rp-FAIL{background:#fbd5cf;color:#8a1c0b}
            #rootposture-matrix .rp-UNABLE_TO_ASSESS{background:#fde9b8;color:#6d4c00}
            #rootposture-matrix .rp-NOT_APPLICABLE{background:#e6e6e6;color:#444}
            #rootposture-matrix .rp-WAIVED{background:#dcd6f7;color:#3b2a86}
            #rootposture-matrix .rp-none{color:#999;cursor:default}
            #rootposture-matrix .rp-legend{border-collapse:collapse;margin-top:12px}
            #rootposture-matrix .rp-legend td,#rootposture-matrix .rp-legend th{border:1px solid #ddd}
            """;

    /**
     * The filters, the finding shown on click and the sticky totals row. Reads the table's own cells and writes only
     * text, hidden attributes, a class and one generated CSS rule.
     */
    static final String SCRIPT = """
            (function () {
              var m = document.getElementById('rootposture-matrix');
              if (!m || m.getAttribute('data-ready')) return;
              m.setAttribute('data-ready', 'true');
              var first = %d, table = m.querySelector('.rp-matrix'), rows = [].slice.call(table.tBodies[0].rows);
              var heads = table.tHead.rows[0].cells, hide = document.createElement('style'), finding = m.querySelector('.rp-finding');
              m.appendChild(hide);
              function f(name) { return m.querySelector('[data-filter=' + name + ']'); }
              function sticky() { table.style.setProperty('--rp-head', table.tHead.rows[0].offsetHeight + 'px'); }
              function apply() {
                var verdict = f('verdict').value, column = f('control').value, ou = f('ou') ? f('ou').value : '';
                var query = f('search').value.trim().toLowerCase(), shown = 0;
                hide.textContent = column === '' ? '' : '#rootposture-matrix .rp-matrix tr>:nth-child(n+' + first
                    + '):not(:nth-child(' + column + ')){display:none}';
                rows.forEach(function (row) {
                  var match = (!ou || row.getAttribute('data-ou') === ou)
                      && (!query || row.getAttribute('data-search').indexOf(query) >= 0);
                  if (match && verdict) {
                    match = false;
                    for (var i = first - 1; i < row.cells.length; i++) {
                      if ((column === '' || i === column - 1) && row.cells[i].classList.contains('rp-' + verdict)) { match = true; break; }
                    }
                  }
                  row.hidden = !match;
                  if (match) shown++;
                });
                m.querySelector('.rp-shown').textContent = shown + ' of ' + rows.length + ' accounts shown';
                sticky();
              }
              m.querySelectorAll('[data-filter]').forEach(function (input) { input.addEventListener('input', apply); });
              table.addEventListener('click', function (event) {
                var cell = event.target.closest('td.rp-v');
                if (!cell || cell.classList.contains('rp-none')) return;
                var previous = table.querySelector('.rp-selected');
                if (previous) previous.classList.remove('rp-selected');
                cell.classList.add('rp-selected');
                var row = cell.parentNode, head = heads[cell.cellIndex];
                var account = [].map.call(row.cells[0].childNodes, function (node) { return node.textContent.trim(); })
                    .concat(row.getAttribute('data-ou') || []).filter(Boolean).join(' · ');
                finding.textContent = account + ' — ' + head.getAttribute('title') + '\\n' + cell.getAttribute('title');
                finding.hidden = false;
              });
              sticky();
              new ResizeObserver(sticky).observe(table.tHead.rows[0]);
            })();
            """.formatted(FIRST_CONTROL_COLUMN);

    private MatrixHtml() {
    }

    /** A complete HTML page holding the matrix. */
    public static String page(ComplianceMatrix matrix, String reportName) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Compliance matrix · "
                + Html.escape(reportName) + "</title>\n<style>\n" + STYLE + "body{margin:16px}\n</style>\n</head>\n<body>\n"
                + section(matrix, reportName) + "<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n";
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

    /** The matrix section: heading, counts, filters, table and legend; {@link #SCRIPT} makes the filters work. */
    static String section(ComplianceMatrix matrix, String reportName) {
        StringBuilder html = new StringBuilder();
        html.append("<section id=\"").append(SECTION_ID).append("\">\n<h2>Compliance matrix</h2>\n<p class=\"rp-sub\">")
                .append(Html.escape(reportName)).append(" · ").append(Html.escape(matrix.summary()))
                .append(". Click a cell for its finding; every result in the report carries its evidence. ")
                .append(Html.escape(ComplianceRate.DEFINITION)).append(".</p>\n");
        filters(matrix, html);
        html.append("<div class=\"rp-finding\" hidden></div>\n");
        table(matrix, html);
        legend(html);
        return html.append("</section>\n").toString();
    }

    private static void filters(ComplianceMatrix matrix, StringBuilder html) {
        html.append("<div class=\"rp-filters\"><label>Verdict <select data-filter=\"verdict\"><option value=\"\">any</option>");
        for (ReportVerdict verdict : ReportVerdict.values()) {
            html.append("<option value=\"").append(verdict.name()).append("\">").append(Html.escape(verdict.label())).append("</option>");
        }
        html.append("</select></label> <label>Control <select data-filter=\"control\"><option value=\"\">every control</option>");
        List<ComplianceMatrix.Row> rows = matrix.rows();
        for (int i = 0; i < rows.size(); i++) {
            html.append("<option value=\"").append(FIRST_CONTROL_COLUMN + i).append("\">").append(Html.escape(column(rows.get(i))))
                    .append("</option>");
        }
        html.append("</select></label>");
        TreeSet<String> ous = new TreeSet<>(matrix.ous().values());
        if (!ous.isEmpty()) {
            html.append(" <label>OU <select data-filter=\"ou\"><option value=\"\">every OU</option>");
            ous.forEach(ou -> html.append("<option value=\"").append(Html.escape(ou)).append("\">").append(Html.escape(ou)).append("</option>"));
            html.append("</select></label>");
        }
        html.append(" <label>Search <input type=\"search\" data-filter=\"search\" placeholder=\"account id or name\"></label>")
                .append(" <span class=\"rp-shown\">").append(matrix.accounts().size()).append(" accounts</span></div>\n");
    }

    private static void table(ComplianceMatrix matrix, StringBuilder html) {
        Map<String, String> accounts = matrix.accounts();
        Map<String, String> ous = matrix.ous();
        List<ComplianceMatrix.Row> rows = matrix.rows();
        html.append("<div class=\"rp-scroll\"><table class=\"rp-matrix\">\n<thead><tr><th>Account</th><th class=\"rp-rate\">Compliance</th>");
        for (ComplianceMatrix.Row row : rows) {
            String details = row.title() + (row.cis().isEmpty() ? "" : " · " + String.join(" ", row.cis()))
                    + (row.severity().isEmpty() ? "" : " · " + row.severity());
            html.append("<th class=\"rp-col\" data-control=\"").append(Html.escape(row.control())).append("\" title=\"")
                    .append(Html.escape(column(row) + " · " + details)).append("\"><span>").append(Html.escape(row.control()))
                    .append(row.region().isEmpty() ? "" : " <small>" + Html.escape(row.region()) + "</small>").append("</span></th>");
        }
        html.append("</tr>\n<tr class=\"rp-totals\"><th>Every account</th><td class=\"rp-rate\">")
                .append(ComplianceRate.of(matrix.tally()).text()).append("</td>");
        for (ComplianceMatrix.Row row : rows) {
            html.append("<td class=\"rp-rate\" data-control=\"").append(Html.escape(row.control())).append("\">")
                    .append(ComplianceRate.of(matrix.tallyOfRow(row)).text()).append("</td>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        accounts.forEach((id, name) -> {
            String ou = ous.getOrDefault(id, "");
            html.append("<tr data-account=\"").append(Html.escape(id)).append("\" data-ou=\"").append(Html.escape(ou))
                    .append("\" data-search=\"").append(Html.escape((id + " " + name + " " + ou).toLowerCase(java.util.Locale.ROOT)))
                    .append("\"><th").append(ou.isEmpty() ? "" : " title=\"" + Html.escape(ou) + "\"").append(">").append(Html.escape(id))
                    .append(name.equals(id) ? "" : " <small>" + Html.escape(name) + "</small>").append("</th><td class=\"rp-rate\">")
                    .append(ComplianceRate.of(matrix.tallyOfAccount(id)).text()).append("</td>");
            for (ComplianceMatrix.Row row : rows) {
                html.append(matrix.cell(row, id).map(MatrixHtml::cell).orElse("<td class=\"rp-v rp-none\" title=\"not checked\">—</td>"));
            }
            html.append("</tr>\n");
        });
        html.append("</tbody>\n</table></div>\n");
    }

    private static String column(ComplianceMatrix.Row row) {
        return row.control() + (row.region().isEmpty() ? "" : " · " + row.region());
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
