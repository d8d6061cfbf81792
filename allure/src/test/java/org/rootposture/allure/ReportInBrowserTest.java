package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * Opens the single-file report of a fixed set of results ({@link SampleResults#auditRun}) from {@code file://} in
 * headless Chromium, with every outside request trapped, and checks what an auditor sees: the status counts, the
 * four verdict categories, the environment, the compliance matrix panel, and a screenshot. Fails instead of
 * skipping when Chromium is missing under {@code CI=true}.
 */
class ReportInBrowserTest {

    private static final Pattern STATUS_COUNT = Pattern.compile(
            "class=\"y-label y-label_status_(\\w+)\" data-status=\"\\w+\"[^>]*>\\s*(\\d+)\\s*<");

    @TempDir
    static Path work;

    private static OutsideRequestTrap trap;
    private static Chromium chromium;
    private static String index;

    @BeforeAll
    static void generate() throws Exception {
        trap = new OutsideRequestTrap();
        chromium = Chromium.require(System.getenv(), trap);
        Path results = work.resolve("allure-results");
        SampleResults.auditRun(results);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportGenerator.run(new String[] {"--results", results.toString(), "--report",
                        work.resolve("allure-report").toString(), "--allure-home", System.getProperty("rootposture.allure.home")},
                Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("report generation; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        index = work.resolve("allure-report/index.html").toUri().toString();
    }

    @AfterAll
    static void noPageReachedForAnOutsideHost() throws Exception {
        if (trap != null) {
            assertThat(trap.pageRequests()).as("requests the report made to other hosts").isEmpty();
            trap.close();
        }
    }

    @Test
    void theStatusCountsShownAreThoseOfTheResults() throws Exception {
        String dom = chromium.dumpDom(index + "#suites", work);

        Map<String, Integer> shown = new HashMap<>();
        Matcher matcher = STATUS_COUNT.matcher(dom);
        while (matcher.find()) {
            shown.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        assertThat(shown).containsEntry("passed", 3).containsEntry("failed", 3).containsEntry("broken", 1)
                .containsEntry("skipped", 2);
        Tally tally = Tally.of(PostureResults.read(work.resolve("allure-results")));
        assertThat(shown).containsEntry("passed", tally.count(ReportVerdict.PASS)).containsEntry("failed", tally.count(ReportVerdict.FAIL))
                .containsEntry("broken", tally.count(ReportVerdict.UNABLE_TO_ASSESS))
                .containsEntry("skipped", tally.count(ReportVerdict.NOT_APPLICABLE) + tally.count(ReportVerdict.WAIVED));
    }

    @Test
    void theCategoriesPageNamesTheVerdicts() throws Exception {
        String dom = chromium.dumpDom(index + "#categories", work);

        assertThat(texts(dom, "node__name")).contains("Non-compliant", "Unable to assess", "Not applicable", "Waived")
                .doesNotContain("Product defects", "Test defects");
    }

    @Test
    void theOverviewShowsTheRunAndCarriesTheMatrixWithHostileNamesAsText() throws Exception {
        String dom = chromium.dumpDom(index, work);

        String content = content(dom);
        assertThat(content).contains("Organization", "o-test12345", "Accounts", "Local run");
        assertThat(content).contains("id=\"" + ReportPanel.PANEL_ID + "\"", "id=\"" + MatrixHtml.SECTION_ID + "\"",
                "<summary>Compliance matrix</summary>", "rp-WAIVED", "rp-UNABLE_TO_ASSESS", "rp-NOT_APPLICABLE");
        assertThat(content).contains("dev &lt;img src=https://outside.example/pixel.png&gt; sandbox")
                .doesNotContain("<img src=\"https://outside.example", "<img src=https://outside.example");
    }

    /** The trimmed text of every element with the class. */
    private static List<String> texts(String dom, String cssClass) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = Pattern.compile("class=\"" + cssClass + "\">\\s*([^<]*?)\\s*<").matcher(dom);
        while (matcher.find()) {
            texts.add(matcher.group(1));
        }
        return texts;
    }

    /** The rendered page without its head and data scripts, small enough for a failure message. */
    private static String content(String dom) {
        int start = dom.indexOf("<body");
        int end = dom.lastIndexOf("<script");
        return dom.substring(Math.max(0, start), end > start ? end : dom.length()).replaceAll("(?s)<svg.*?</svg>", "<svg/>");
    }

    @Test
    void aScreenshotIsTaken() throws Exception {
        Path png = work.resolve("overview.png");

        chromium.screenshot(index, png, work);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "report-overview.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theTrapSeesARequestToAnOutsideHost() throws Exception {
        Path page = work.resolve("outside.html");
        Files.writeString(page, "<html><body><img src=\"https://outside.example/pixel.png\"></body></html>");
        try (OutsideRequestTrap ownTrap = new OutsideRequestTrap()) {
            Chromium.require(System.getenv(), ownTrap).dumpDom(page.toUri().toString(), work);

            assertThat(ownTrap.pageRequests()).anyMatch(request -> request.contains("outside.example"));
        }
    }
}
