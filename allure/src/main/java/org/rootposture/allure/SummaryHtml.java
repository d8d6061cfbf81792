package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rootposture.contract.Html;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.RunRecord;
import org.rootposture.contract.Severity;
import org.rootposture.contract.Tally;

/**
 * The executive summary, what the report shows first: overall compliance; each control's compliance rate with its CIS
 * references and severity; each organizational unit's; the worst accounts; the waivers in force, those expiring within
 * {@value #EXPIRING_DAYS} days and those expired; and what changed since the previous run (results newly non-compliant,
 * newly compliant, accounts new to the report), from the history carried into this run. Every number comes from the
 * {@link ComplianceMatrix}, so it equals the matrix's. It is a page of its own ({@value #FILE_NAME} beside the report)
 * and a panel inside the report (see {@link ReportPanel}), and it prints: the per-control table comes first, and
 * {@code chromium --headless --print-to-pdf} gives a readable PDF. Every text is escaped; nothing is loaded.
 *
 * <pre>
 * SummaryHtml.write(SummaryHtml.page(matrix, results, run, History.previousStatuses(resultsDir), today, name), reportDir);
 * </pre>
 */
public final class SummaryHtml {

    /** The page's name beside the report's {@code index.html}. */
    public static final String FILE_NAME = "summary.html";

    /** The id of the summary section. */
    public static final String SECTION_ID = "rootposture-summary";

    /** Waivers expiring within this many days of the run are called out. */
    static final int EXPIRING_DAYS = 30;

    private static final int WORST_ACCOUNTS = 10;
    private static final String NO_OU = "(no OU given)";
    private static final int LONGEST_LIST = 50;

    static final String STYLE = """
            #rootposture-summary{font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;max-width:1100px}
            #rootposture-summary h2{font-size:22px;margin:0 0 2px}
            #rootposture-summary h3{font-size:17px;margin:22px 0 6px;border-bottom:2px solid #3b2a86;padding-bottom:2px}
            #rootposture-summary .rp-sub{color:#555;margin:0 0 10px}
            #rootposture-summary .rp-overall{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
            #rootposture-summary .rp-overall div{border:1px solid #ddd;border-radius:4px;padding:6px 12px;min-width:110px}
            #rootposture-summary .rp-overall b{display:block;font-size:22px}
            #rootposture-summary table{border-collapse:collapse;width:100%;margin:4px 0}
            #rootposture-summary th,#rootposture-summary td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
            #rootposture-summary thead th{background:#f3f3f3}
            #rootposture-summary td.rp-n{text-align:right;white-space:nowrap}
            #rootposture-summary code{font-weight:600}
            #rootposture-summary .rp-note{color:#555;font-size:13px}
            #rootposture-summary .rp-sev-critical{color:#8a1c0b;font-weight:600}
            #rootposture-summary .rp-sev-high{color:#b34700;font-weight:600}
            #rootposture-summary .rp-soon{background:#fde9b8}
            #rootposture-summary .rp-expired{background:#fbd5cf}
            @media print{
              @page{size:A4;margin:12mm}
              body{margin:0}
              .rp-noprint{display:none}
              #rootposture-summary{max-width:none;font-size:11px}
              #rootposture-summary h3{break-after:avoid}
              #rootposture-summary thead{display:table-header-group}
              #rootposture-summary tr{break-inside:avoid}
            }
            """;

    private SummaryHtml() {
    }

    /** The result of one control for one account that changed since the previous run. */
    record Change(PostureResult result, String previousStatus) {
    }

    /**
     * A complete page holding the summary.
     *
     * @param matrix           the compliance matrix, whose numbers the summary shows
     * @param results          the results, for their history ids
     * @param run              the run record, for its waivers and times
     * @param previousStatuses each result's Allure status in the previous run, by history id (see {@link History})
     * @param today            the day the waivers' expiry is counted from
     * @param reportName       the report's title
     */
    public static String page(ComplianceMatrix matrix, List<PostureResult> results, Optional<RunRecord> run,
                              Map<String, String> previousStatuses, LocalDate today, String reportName) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Executive summary · "
                + Html.escape(reportName) + "</title>\n<style>\n" + STYLE + "body{margin:16px}\n</style>\n</head>\n<body>\n"
                + section(matrix, results, run, previousStatuses, today, reportName, true) + "</body>\n</html>\n";
    }

    /**
     * Writes {@value #FILE_NAME} into {@code dir}.
     *
     * @return the written file
     */
    public static Path write(String page, Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The summary section; {@code standalone} adds the links to the report and matrix beside it. */
    static String section(ComplianceMatrix matrix, List<PostureResult> results, Optional<RunRecord> run,
                          Map<String, String> previousStatuses, LocalDate today, String reportName, boolean standalone) {
        StringBuilder html = new StringBuilder();
        Tally tally = matrix.tally();
        html.append("<section id=\"").append(SECTION_ID).append("\">\n<h2>Executive summary</h2>\n<p class=\"rp-sub\">")
                .append(Html.escape(reportName));
        run.map(RunRecord::organizationId).ifPresent(org -> html.append(" · organization ").append(Html.escape(org)));
        run.map(RunRecord::end).ifPresent(end -> html.append(" · run ended ").append(Html.escape(end)));
        html.append("</p>\n");
        if (standalone) {
            html.append("<p class=\"rp-noprint rp-note\">Beside this page: <a href=\"index.html\">the full report</a> (every result "
                    + "with its evidence) and <a href=\"").append(MatrixHtml.FILE_NAME).append("\">the compliance matrix</a>.</p>\n");
        }
        overall(matrix, tally, html);
        controls(matrix, html);
        organizationalUnits(matrix, html);
        worstAccounts(matrix, html);
        waivers(run, today, html);
        changes(matrix, results, previousStatuses, html);
        return html.append("</section>\n").toString();
    }

    private static void overall(ComplianceMatrix matrix, Tally tally, StringBuilder html) {
        html.append("<div class=\"rp-overall\"><div data-rate=\"overall\"><b>").append(ComplianceRate.of(tally).text())
                .append("</b>overall compliance</div><div><b>").append(matrix.controls().size()).append("</b>controls</div><div><b>")
                .append(matrix.accounts().size()).append("</b>accounts</div>");
        for (ReportVerdict verdict : ReportVerdict.values()) {
            html.append("<div><b>").append(tally.count(verdict)).append("</b>").append(Html.escape(verdict.label().toLowerCase(java.util.Locale.ROOT)))
                    .append("</div>");
        }
        html.append("</div>\n<p class=\"rp-note\">").append(tally.total()).append(" results, one per control and account (and region, "
                + "for per-region controls). ").append(Html.escape(ComplianceRate.DEFINITION)).append(".</p>\n");
    }

    private static void controls(ComplianceMatrix matrix, StringBuilder html) {
        html.append("<h3>Compliance by control</h3>\n<table class=\"rp-controls\">\n<thead><tr><th>Control</th><th>CIS</th><th>Severity</th>"
                + "<th>Compliance</th><th>Non-compliant</th><th>Unable to assess</th><th>Waived</th><th>Not applicable</th><th>Compliant</th>"
                + "</tr></thead>\n<tbody>\n");
        Map<String, ComplianceMatrix.Row> controls = new LinkedHashMap<>();
        matrix.rows().forEach(row -> controls.putIfAbsent(row.control(), row));
        controls.values().stream()
                .sorted(Comparator.comparing((ComplianceMatrix.Row row) -> severityOrder(row.severity()))
                        .thenComparing(row -> ComplianceRate.of(matrix.tallyOfControl(row.control())))
                        .thenComparing(ComplianceMatrix.Row::control))
                .forEach(row -> {
                    Tally tally = matrix.tallyOfControl(row.control());
                    html.append("<tr data-control=\"").append(Html.escape(row.control())).append("\"><td><code>")
                            .append(Html.escape(row.control())).append("</code><br>").append(Html.escape(row.title())).append("</td><td>")
                            .append(Html.escape(String.join(" · ", row.cis()).replace(':', ' '))).append("</td><td class=\"rp-sev-")
                            .append(Html.escape(row.severity())).append("\">").append(Html.escape(row.severity()))
                            .append("</td><td class=\"rp-n rp-rate\">").append(ComplianceRate.of(tally).text()).append("</td>");
                    for (ReportVerdict verdict : List.of(ReportVerdict.FAIL, ReportVerdict.UNABLE_TO_ASSESS, ReportVerdict.WAIVED,
                            ReportVerdict.NOT_APPLICABLE, ReportVerdict.PASS)) {
                        html.append("<td class=\"rp-n\">").append(tally.count(verdict)).append("</td>");
                    }
                    html.append("</tr>\n");
                });
        html.append("</tbody>\n</table>\n");
    }

    private static int severityOrder(String word) {
        for (Severity severity : Severity.values()) {
            if (severity.word().equals(word)) {
                return severity.ordinal();
            }
        }
        return Severity.values().length;
    }

    private static void organizationalUnits(ComplianceMatrix matrix, StringBuilder html) {
        Map<String, String> ous = matrix.ous();
        if (ous.isEmpty()) {
            return;
        }
        Map<String, List<String>> accountsByOu = new TreeMap<>();
        matrix.accounts().keySet().forEach(account -> accountsByOu.computeIfAbsent(ous.getOrDefault(account, NO_OU),
                ou -> new ArrayList<>()).add(account));
        Map<String, Map<String, ControlInOu>> byOuAndControl = new TreeMap<>();
        matrix.cells().forEach(cell -> byOuAndControl.computeIfAbsent(ous.getOrDefault(cell.account(), NO_OU), ou -> new TreeMap<>())
                .computeIfAbsent(cell.row().control(), control -> new ControlInOu(new TreeSet<>(), new TreeSet<>())).add(cell));
        html.append("<h3>Compliance by organizational unit</h3>\n<table class=\"rp-ous\">\n<thead><tr><th>OU</th><th>Accounts</th>"
                + "<th>Compliance</th><th>Non-compliant</th><th>Unable to assess</th><th>Non-compliant accounts by control</th></tr></thead>\n"
                + "<tbody>\n");
        accountsByOu.forEach((ou, accounts) -> {
            Tally tally = matrix.tallyOf(cell -> ou.equals(ous.getOrDefault(cell.account(), NO_OU)));
            html.append("<tr data-ou=\"").append(Html.escape(ou)).append("\"><td>").append(Html.escape(ou)).append("</td><td class=\"rp-n\">")
                    .append(accounts.size()).append("</td><td class=\"rp-n rp-rate\">").append(ComplianceRate.of(tally).text())
                    .append("</td><td class=\"rp-n\">").append(tally.count(ReportVerdict.FAIL)).append("</td><td class=\"rp-n\">")
                    .append(tally.count(ReportVerdict.UNABLE_TO_ASSESS)).append("</td><td class=\"rp-by-control\">")
                    .append(byOuAndControl.getOrDefault(ou, Map.of()).entrySet().stream()
                            .filter(control -> !control.getValue().failing().isEmpty())
                            .sorted(Comparator.comparing((Map.Entry<String, ControlInOu> control) -> -control.getValue().failing().size())
                                    .thenComparing(Map.Entry::getKey))
                            .map(control -> "<span data-control=\"" + Html.escape(control.getKey()) + "\"><code>" + Html.escape(control.getKey())
                                    + "</code> " + control.getValue().failing().size() + " of " + control.getValue().applying().size() + "</span>")
                            .collect(Collectors.joining(" · ")))
                    .append("</td></tr>\n");
        });
        html.append("</tbody>\n</table>\n<p class=\"rp-note\">Non-compliant accounts by control: for each control with a non-compliant "
                + "result in the OU, the accounts with one (in any region) of the accounts it applies to, such as <code>org.scp.root-denied</code> "
                + "2 of 4: two of the OU's four member accounts have no SCP that denies their root user (CIS v7.0.0 2.1.2).</p>\n");
    }

    /** One control in one OU: the accounts with a non-compliant result, and those it applies to (not only not applicable). */
    private record ControlInOu(Set<String> failing, Set<String> applying) {

        void add(ComplianceMatrix.Cell cell) {
            if (cell.verdict() == ReportVerdict.FAIL) {
                failing.add(cell.account());
            }
            if (cell.verdict() != ReportVerdict.NOT_APPLICABLE) {
                applying.add(cell.account());
            }
        }
    }

    private static void worstAccounts(ComplianceMatrix matrix, StringBuilder html) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        matrix.accounts().keySet().forEach(account -> tallies.put(account, matrix.tallyOfAccount(account)));
        List<String> worst = tallies.entrySet().stream()
                .filter(entry -> entry.getValue().count(ReportVerdict.FAIL) + entry.getValue().count(ReportVerdict.UNABLE_TO_ASSESS) > 0)
                .sorted(Comparator.comparing((Map.Entry<String, Tally> entry) -> -entry.getValue().count(ReportVerdict.FAIL))
                        .thenComparing(entry -> -entry.getValue().count(ReportVerdict.UNABLE_TO_ASSESS))
                        .thenComparing(entry -> ComplianceRate.of(entry.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(WORST_ACCOUNTS).map(Map.Entry::getKey).toList();
        html.append("<h3>Worst accounts</h3>\n");
        if (worst.isEmpty()) {
            html.append("<p>No account has a non-compliant result or one unable to assess.</p>\n");
            return;
        }
        Map<String, String> worstSeverity = new TreeMap<>();
        matrix.cells().stream().filter(cell -> cell.verdict() == ReportVerdict.FAIL)
                .forEach(cell -> worstSeverity.merge(cell.account(), cell.row().severity(),
                        (a, b) -> severityOrder(a) <= severityOrder(b) ? a : b));
        html.append("<table class=\"rp-worst\">\n<thead><tr><th>Account</th><th>OU</th><th>Compliance</th><th>Non-compliant</th>"
                + "<th>Unable to assess</th><th>Worst severity</th></tr></thead>\n<tbody>\n");
        Map<String, String> names = matrix.accounts();
        for (String account : worst) {
            Tally tally = tallies.get(account);
            html.append("<tr data-account=\"").append(Html.escape(account)).append("\"><td>").append(Html.escape(account))
                    .append(names.get(account).equals(account) ? "" : " · " + Html.escape(names.get(account))).append("</td><td>")
                    .append(Html.escape(matrix.ous().getOrDefault(account, ""))).append("</td><td class=\"rp-n rp-rate\">")
                    .append(ComplianceRate.of(tally).text()).append("</td><td class=\"rp-n\">").append(tally.count(ReportVerdict.FAIL))
                    .append("</td><td class=\"rp-n\">").append(tally.count(ReportVerdict.UNABLE_TO_ASSESS)).append("</td><td>")
                    .append(Html.escape(worstSeverity.getOrDefault(account, ""))).append("</td></tr>\n");
        }
        long more = tallies.values().stream()
                .filter(tally -> tally.count(ReportVerdict.FAIL) + tally.count(ReportVerdict.UNABLE_TO_ASSESS) > 0).count() - worst.size();
        html.append("</tbody>\n</table>\n");
        if (more > 0) {
            html.append("<p class=\"rp-note\">… and ").append(more).append(" more accounts with a non-compliant result or one unable "
                    + "to assess: the compliance matrix lists every account.</p>\n");
        }
    }

    private static void waivers(Optional<RunRecord> run, LocalDate today, StringBuilder html) {
        html.append("<h3>Waivers</h3>\n");
        List<RunRecord.WaiverRecord> waivers = run.map(RunRecord::waivers).orElse(List.of());
        if (waivers.isEmpty()) {
            html.append("<p>").append(run.map(RunRecord::waiversFile).isPresent() ? "The accepted-risk file holds no waiver."
                    : "No accepted-risk file was used: no result is waived.").append("</p>\n");
            return;
        }
        long inForce = waivers.stream().filter(waiver -> !waiver.expired()).count();
        long soon = waivers.stream().filter(waiver -> !waiver.expired() && expiresWithin(waiver, today)).count();
        html.append("<p>").append(inForce).append(" in force, ").append(soon).append(" of them expiring within ").append(EXPIRING_DAYS)
                .append(" days of ").append(today).append("; ").append(waivers.size() - inForce)
                .append(" expired (their results are non-compliant again).</p>\n<table class=\"rp-waivers\">\n<thead><tr><th>Control</th>"
                        + "<th>Account</th><th>Expires</th><th>Approver</th><th>Results waived</th><th>Justification</th></tr></thead>\n<tbody>\n");
        waivers.stream().sorted(Comparator.comparing(RunRecord.WaiverRecord::expires)).forEach(waiver -> {
            String state = waiver.expired() ? "rp-expired" : expiresWithin(waiver, today) ? "rp-soon" : "";
            html.append("<tr class=\"").append(state).append("\"><td><code>").append(Html.escape(waiver.control())).append("</code></td><td>")
                    .append(Html.escape(waiver.account())).append("</td><td>").append(Html.escape(waiver.expires()))
                    .append(waiver.expired() ? " (expired)" : expiresWithin(waiver, today) ? " (within " + EXPIRING_DAYS + " days)" : "")
                    .append("</td><td>").append(Html.escape(waiver.approver())).append("</td><td class=\"rp-n\">")
                    .append(waiver.expired() ? 0 : waiver.failures()).append("</td><td>").append(Html.escape(waiver.justification()))
                    .append("</td></tr>\n");
        });
        html.append("</tbody>\n</table>\n");
    }

    private static boolean expiresWithin(RunRecord.WaiverRecord waiver, LocalDate today) {
        try {
            return ChronoUnit.DAYS.between(today, LocalDate.parse(waiver.expires())) <= EXPIRING_DAYS;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void changes(ComplianceMatrix matrix, List<PostureResult> results, Map<String, String> previous, StringBuilder html) {
        html.append("<h3>Since the previous run</h3>\n");
        if (previous.isEmpty()) {
            html.append("<p>No previous run's history was carried into this report, so nothing can be compared: this report starts "
                    + "the trend.</p>\n");
            return;
        }
        List<PostureResult> controls = results.stream().filter(PostureResult::isControl).toList();
        List<Change> nonCompliant = new ArrayList<>();
        List<Change> compliant = new ArrayList<>();
        Set<String> seenBefore = new TreeSet<>();
        for (PostureResult result : controls) {
            String before = previous.get(result.historyId());
            if (before == null) {
                continue;
            }
            seenBefore.add(result.account());
            boolean failedBefore = ReportVerdict.FAIL.allureStatus().equals(before);
            if (result.verdict() == ReportVerdict.FAIL && !failedBefore) {
                nonCompliant.add(new Change(result, before));
            } else if (result.verdict().compliant() && failedBefore) {
                compliant.add(new Change(result, before));
            }
        }
        Map<String, String> names = matrix.accounts();
        List<String> newAccounts = names.keySet().stream().filter(account -> !seenBefore.contains(account)).toList();
        html.append("<p>Results newly non-compliant: ").append(nonCompliant.size()).append(" · newly compliant: ").append(compliant.size())
                .append(" · accounts new to the report: ").append(newAccounts.size()).append(".</p>\n");
        changeList("Newly non-compliant", nonCompliant, "rp-new-fail", change -> change.result().findingText(), html);
        changeList("Newly compliant", compliant, "rp-new-pass", change -> "now " + change.result().verdict().label().toLowerCase(java.util.Locale.ROOT), html);
        if (!newAccounts.isEmpty()) {
            html.append("<p><b>New accounts</b> (no history): ").append(newAccounts.stream().limit(LONGEST_LIST)
                    .map(account -> Html.escape(account + (names.get(account).equals(account) ? "" : " · " + names.get(account))))
                    .collect(Collectors.joining(", ")));
            html.append(newAccounts.size() > LONGEST_LIST ? " … and " + (newAccounts.size() - LONGEST_LIST) + " more" : "").append("</p>\n");
        }
    }

    private static void changeList(String title, List<Change> changes, String cssClass, Function<Change, String> what, StringBuilder html) {
        if (changes.isEmpty()) {
            return;
        }
        html.append("<table class=\"").append(cssClass).append("\">\n<thead><tr><th colspan=\"3\">").append(title)
                .append("</th></tr></thead>\n<tbody>\n");
        changes.stream().sorted(Comparator.comparing((Change change) -> change.result().control())
                        .thenComparing(change -> change.result().account()).thenComparing(change -> change.result().region()))
                .limit(LONGEST_LIST).forEach(change -> html.append("<tr><td><code>").append(Html.escape(change.result().control()))
                        .append("</code></td><td>").append(Html.escape(change.result().where())).append("</td><td>")
                        .append(Html.escape(what.apply(change))).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n");
        if (changes.size() > LONGEST_LIST) {
            html.append("<p class=\"rp-note\">… and ").append(changes.size() - LONGEST_LIST).append(" more.</p>\n");
        }
    }
}
