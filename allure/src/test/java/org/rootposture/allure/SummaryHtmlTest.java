package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.RunRecord;
import org.rootposture.contract.Severity;
import org.rootposture.contract.Tally;

/** The executive summary: its numbers are the matrix's, it shows what it knows and nothing else, and it prints. */
class SummaryHtmlTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final List<String> CONTROLS = List.of("root.mfa.hardware", "root.access-keys.absent", "trail.multi-region.logging",
            "org.scp.root-denied", "root.contacts.security");
    private static final Pattern MATRIX_HEAD = Pattern.compile("<th class=\"rp-col\" data-control=\"([^\"]+)\"");
    private static final Pattern MATRIX_ROW = Pattern.compile("<tr data-account=\"(\\d+)\" data-ou=\"([^\"]*)\"[^>]*><th[^>]*>.*?</th>"
            + "<td class=\"rp-rate\">([^<]+)</td>(.*?)</tr>");
    private static final Pattern MATRIX_CELL = Pattern.compile("<td class=\"rp-v rp-(\\w+)\"");

    @TempDir
    Path work;

    /** An estate of {@code accounts} accounts in three OUs, every verdict somewhere, one control per region. */
    static List<PostureResult> estate(int accounts, boolean withOus) {
        List<PostureResult> results = new ArrayList<>();
        ReportVerdict[] verdicts = ReportVerdict.values();
        for (int a = 0; a < accounts; a++) {
            String account = String.format("2%011d", a);
            String ou = withOus ? "Root/" + List.of("Production", "Sandbox", "Security").get(a % 3) : "";
            for (int c = 0; c < CONTROLS.size(); c++) {
                String control = CONTROLS.get(c);
                for (String region : control.startsWith("trail.") ? List.of("eu-west-1", "us-east-1") : List.of("")) {
                    ReportVerdict verdict = (a * 7 + c * 3 + region.length()) % 4 == 0 ? verdicts[(a + c) % verdicts.length] : ReportVerdict.PASS;
                    String finding = verdict == ReportVerdict.PASS ? "" : "Finding of " + control;
                    results.add(new PostureResult(control + " · " + account, control, "Title of " + control, "CIS AWS Foundations Benchmark",
                            "Root", Optional.of(Severity.values()[c % 4]), List.of("v5.0.0:1." + c), account,
                            a == 3 ? "dev <img src=x onerror=alert(1)>" : "account-" + a, region, ou, verdict, finding, "",
                            control + "|" + account + "|" + region, 1L));
                }
            }
        }
        return results;
    }

    @Test
    void theSummarysNumbersAreTheMatrixs() {
        List<PostureResult> results = estate(60, true);
        ComplianceMatrix matrix = ComplianceMatrix.of(results);
        String summary = SummaryHtml.section(matrix, results, Optional.empty(), Map.of(), TODAY, "Report", false);
        String matrixHtml = MatrixHtml.section(matrix, "Report");

        List<String> columns = new ArrayList<>();
        MATRIX_HEAD.matcher(matrixHtml).results().forEach(head -> columns.add(head.group(1)));
        Map<String, Tally> byControl = new LinkedHashMap<>();
        Map<String, Tally> byOu = new HashMap<>();
        Map<String, String> accountRates = new HashMap<>();
        Tally overall = new Tally();
        Matcher row = MATRIX_ROW.matcher(matrixHtml);
        int rows = 0;
        while (row.find()) {
            rows++;
            accountRates.put(row.group(1), row.group(3));
            Matcher cell = MATRIX_CELL.matcher(row.group(4));
            for (int column = 0; cell.find(); column++) {
                ReportVerdict verdict = ReportVerdict.valueOf(cell.group(1));
                byControl.computeIfAbsent(columns.get(column), c -> new Tally()).add(verdict);
                byOu.computeIfAbsent(row.group(2), ou -> new Tally()).add(verdict);
                overall.add(verdict);
            }
        }
        assertThat(rows).isEqualTo(60);
        assertThat(overall.total()).isEqualTo(results.size());

        assertThat(shown(summary, "<div data-rate=\"overall\"><b>([^<]+)</b>")).containsExactly(ComplianceRate.of(overall).text());
        assertThat(shown(matrixHtml, "<tr class=\"rp-totals\"><th>Every account</th><td class=\"rp-rate\">([^<]+)</td>"))
                .containsExactly(ComplianceRate.of(overall).text());
        for (ReportVerdict verdict : ReportVerdict.values()) {
            assertThat(summary).contains("<div><b>" + overall.count(verdict) + "</b>" + verdict.label().toLowerCase() + "</div>");
        }
        byControl.forEach((control, tally) -> {
            Matcher line = Pattern.compile("<tr data-control=\"" + Pattern.quote(control) + "\">.*?<td class=\"rp-n rp-rate\">([^<]+)</td>"
                    + "<td class=\"rp-n\">(\\d+)</td><td class=\"rp-n\">(\\d+)</td><td class=\"rp-n\">(\\d+)</td><td class=\"rp-n\">(\\d+)</td>"
                    + "<td class=\"rp-n\">(\\d+)</td></tr>").matcher(summary);
            assertThat(line.find()).as("the summary's line of " + control).isTrue();
            assertThat(List.of(line.group(1), line.group(2), line.group(3), line.group(4), line.group(5), line.group(6))).as(control)
                    .containsExactly(ComplianceRate.of(tally).text(), "" + tally.count(ReportVerdict.FAIL),
                            "" + tally.count(ReportVerdict.UNABLE_TO_ASSESS), "" + tally.count(ReportVerdict.WAIVED),
                            "" + tally.count(ReportVerdict.NOT_APPLICABLE), "" + tally.count(ReportVerdict.PASS));
        });
        byOu.forEach((ou, tally) -> assertThat(shown(summary, "<tr data-ou=\"" + Pattern.quote(ou) + "\"><td>[^<]*</td><td class=\"rp-n\">\\d+"
                + "</td><td class=\"rp-n rp-rate\">([^<]+)</td><td class=\"rp-n\">" + tally.count(ReportVerdict.FAIL) + "</td>"))
                .as(ou).containsExactly(ComplianceRate.of(tally).text()));
        Matcher worst = Pattern.compile("<tr data-account=\"(\\d+)\"><td>.*?</td><td>[^<]*</td><td class=\"rp-n rp-rate\">([^<]+)</td>")
                .matcher(summary);
        int worstAccounts = 0;
        while (worst.find()) {
            worstAccounts++;
            assertThat(worst.group(2)).as("rate of " + worst.group(1)).isEqualTo(accountRates.get(worst.group(1)));
        }
        assertThat(worstAccounts).isEqualTo(10);
        assertThat(matrixHtml).contains("dev &lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(summary).doesNotContain("<img");
    }

    @Test
    void withoutOusOrHistoryTheSummarySaysSoAndShowsNoEmptyTable() {
        List<PostureResult> results = estate(12, false);
        String summary = SummaryHtml.section(ComplianceMatrix.of(results), results, Optional.empty(), Map.of(), TODAY, "Report", false);

        assertThat(summary).doesNotContain("organizational unit", "data-ou=")
                .contains("No previous run's history was carried into this report", "No accepted-risk file was used");
    }

    @Test
    void eachOuSaysHowManyOfItsAccountsFailEachControl() {
        List<PostureResult> results = new ArrayList<>();
        String development = "Root › Development";
        List<ReportVerdict> scp = List.of(ReportVerdict.FAIL, ReportVerdict.FAIL, ReportVerdict.PASS, ReportVerdict.PASS, ReportVerdict.NOT_APPLICABLE);
        for (int a = 0; a < scp.size(); a++) {
            String account = "33333333333" + a;
            results.add(result("org.scp.root-denied", account, "", development, scp.get(a)));
            results.add(result("guardduty.root-findings.alerted", account, "us-east-1", development, ReportVerdict.PASS));
            results.add(result("guardduty.root-findings.alerted", account, "eu-west-1", development, a == 0 ? ReportVerdict.FAIL : ReportVerdict.PASS));
        }
        results.add(result("org.scp.root-denied", "222222222222", "", "Root › Production", ReportVerdict.PASS));
        String summary = SummaryHtml.section(ComplianceMatrix.of(results), results, Optional.empty(), Map.of(), TODAY, "Report", false);

        assertThat(shown(summary, "<tr data-ou=\"Root › Development\">.*?<td class=\"rp-by-control\">(.*?)</td></tr>")).containsExactly(
                "<span data-control=\"org.scp.root-denied\"><code>org.scp.root-denied</code> 2 of 4</span> · "
                        + "<span data-control=\"guardduty.root-findings.alerted\"><code>guardduty.root-findings.alerted</code> 1 of 5</span>");
        assertThat(shown(summary, "<tr data-ou=\"Root › Production\">.*?<td class=\"rp-by-control\">(.*?)</td></tr>")).containsExactly("");
    }

    private static PostureResult result(String control, String account, String region, String ou, ReportVerdict verdict) {
        return new PostureResult(control + " · " + account, control, "Title of " + control, "CIS AWS Foundations Benchmark", "Guardrails",
                Optional.of(Severity.HIGH), List.of(), account, "account-" + account, region, ou, verdict,
                verdict == ReportVerdict.PASS ? "" : "Finding of " + control, "", control + "|" + account + "|" + region, 1L);
    }

    @Test
    void waiversInForceExpiringSoonAndExpiredAreTold() {
        List<PostureResult> results = estate(12, false);
        RunRecord run = new RunRecord("o-test", null, null, "aws", 12, 0, List.of(), "0.1.0", "2026-12-01T00:00:00Z",
                "2026-12-01T00:10:00Z", null, "waivers.yaml", List.of(
                new RunRecord.WaiverRecord("root.mfa.hardware", "200000000001", "Jane Doe (CISO)", "keys on order", "2099-12-31", false, 1, 3),
                new RunRecord.WaiverRecord("root.access-keys.absent", "*", "Sam Lee", "batch <migration>", "2026-12-20", false, 4, 9),
                new RunRecord.WaiverRecord("root.contacts.security", "200000000002", "Sam Lee", "hiring", "2026-11-30", true, 1, 14)));

        String summary = SummaryHtml.section(ComplianceMatrix.of(results), results, Optional.of(run), Map.of(), TODAY, "Report", false);

        assertThat(summary).contains("2 in force, 1 of them expiring within 30 days of 2026-12-01; 1 expired",
                "<tr class=\"rp-soon\"><td><code>root.access-keys.absent</code></td><td>*</td><td>2026-12-20 (within 30 days)</td>",
                "<tr class=\"rp-expired\"><td><code>root.contacts.security</code></td><td>200000000002</td><td>2026-11-30 (expired)</td>",
                "batch &lt;migration&gt;");
    }

    @Test
    void whatChangedSinceThePreviousRunComesFromTheHistory() {
        List<PostureResult> results = estate(40, false);
        Map<String, String> previous = new HashMap<>();
        for (PostureResult result : results) {
            if (!result.account().equals("200000000039")) {
                previous.put(result.historyId(), "passed");
            }
        }
        PostureResult failing = results.stream().filter(result -> result.verdict() == ReportVerdict.FAIL
                && !result.account().equals("200000000039")).findFirst().orElseThrow();
        PostureResult passing = results.stream().filter(result -> result.verdict() == ReportVerdict.PASS
                && !result.account().equals("200000000039")).findFirst().orElseThrow();
        previous.put(passing.historyId(), "failed");
        long failingBefore = results.stream().filter(result -> result.verdict() == ReportVerdict.FAIL
                && previous.containsKey(result.historyId())).count();

        String summary = SummaryHtml.section(ComplianceMatrix.of(results), results, Optional.empty(), previous, TODAY, "Report", false);

        assertThat(summary).contains("Results newly non-compliant: " + failingBefore + " · newly compliant: 1 · accounts new to the report: 1.",
                "<tr><td><code>" + failing.control() + "</code></td><td>" + failing.where() + "</td><td>Finding of " + failing.control(),
                "<tr><td><code>" + passing.control() + "</code></td><td>" + passing.where() + "</td><td>now compliant</td>",
                "<b>New accounts</b> (no history): 200000000039 · account-39");
    }

    @Test
    void theSummaryOfAThousandAccountsPrintsWithThePerControlTableOnItsFirstPage() throws Exception {
        Chromium chromium = Chromium.require(System.getenv(), new OutsideRequestTrap());
        List<PostureResult> results = estate(1000, true);
        Path page = SummaryHtml.write(SummaryHtml.page(ComplianceMatrix.of(results), results, Optional.empty(), Map.of(), TODAY,
                "Root Posture benchmark"), work);
        Path pdf = work.resolve("summary.pdf");

        chromium.printToPdf(page.toUri().toString(), pdf, work);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(document);
            String joined = first.replaceAll("\\s+", "");
            assertThat(first).contains("Executive summary", "overall compliance", "Compliance by control");
            CONTROLS.forEach(control -> assertThat(joined).as("page 1 lists " + control).contains(control));
            assertThat(first).as("links to the files beside it are for the screen").doesNotContain("Beside this page");
            assertThat(document.getNumberOfPages()).isBetween(1, 6);
            text.setEndPage(document.getNumberOfPages());
            assertThat(text.getText(document)).contains("Worst accounts", "Compliance by organizational unit", "Waivers",
                    "Since the previous run");
        }
    }

    private static List<String> shown(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().map(match -> match.group(1)).toList();
    }

    @Test
    void writesThePageBesideTheReport() throws Exception {
        List<PostureResult> results = estate(3, false);
        Path file = SummaryHtml.write(SummaryHtml.page(ComplianceMatrix.of(results), results, Optional.empty(), Map.of(), TODAY, "R <b>"),
                work);

        assertThat(file).isEqualTo(work.resolve("summary.html"));
        assertThat(Files.readString(file)).contains("<title>Executive summary · R &lt;b&gt;</title>", "href=\"index.html\"",
                "href=\"compliance-matrix.html\"", "@media print").doesNotContain("<script");
    }
}
