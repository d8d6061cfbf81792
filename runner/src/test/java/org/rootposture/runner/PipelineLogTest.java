package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * What a pipeline engineer reads without opening the report, for one run over the demo organization: the runner's
 * summary names the findings that decide the exit code, and the JUnit XML, read by Surefire's own report parser,
 * names each test case by control and account with the finding as its message and no stack trace.
 */
class PipelineLogTest {

    @TempDir
    static Path output;

    private static String console;
    private static int exit;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = RootPostureRunner.run(new String[] {"--demo", "--no-report", "--max-attempts", "2", "--list", "3",
                        "--output", output.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSummaryListsTheFindingsThatDecideTheExitCodeWorstFirst() {
        List<PostureResult> results = PostureResults.read(output.resolve("allure-results"));
        long deciding = results.stream().filter(r -> r.verdict() == ReportVerdict.FAIL && r.severity().orElseThrow().ordinal() <= 1).count();
        long unable = results.stream().filter(r -> r.verdict() == ReportVerdict.UNABLE_TO_ASSESS).count();

        assertThat(exit).as(console).isEqualTo(1);
        List<String> lines = console.lines().dropWhile(line -> !line.startsWith("Root Posture runner: " + Tally.of(results))).toList();
        assertThat(lines.get(1)).isEqualTo("  " + deciding + " non-compliant at or above --fail-on high, worst first (they make the exit code 1):");
        assertThat(lines.subList(2, 5)).allSatisfy(line -> assertThat(line).matches("    (critical|high) +[a-z.-]+ +\\d{12} · .+  .+\\."));
        assertThat(lines.get(2)).startsWith("    critical");
        assertThat(lines.get(5)).isEqualTo("    … and " + (deciding - 3) + " more in the report");
        assertThat(lines.get(6)).isEqualTo("  " + unable + " unable to assess:");
        assertThat(lines.get(7)).matches("    critical  [a-z.-]+ +\\d{12} · [a-z-]+ +\\S+ failed with \\S+\\.");
        assertThat(lines.get(2)).matches("    critical  root.access-keys.absent +444444444444 · legacy-batch +The root user has access keys\\.");
        assertThat(String.join("\n", lines)).doesNotContain("\tat ");
    }

    @Test
    void junitXmlNamesEachCaseByControlAndAccountAndGivesTheFindingWithoutAStackTrace() throws IOException {
        List<File> reports;
        try (Stream<Path> files = Files.list(output.resolve("junit"))) {
            reports = files.map(Path::toFile).toList();
        }
        List<ReportTestSuite> suites = new SurefireReportParser(List.of(output.resolve("junit").toFile()), new NullConsoleLogger())
                .parseXMLReportFiles();
        List<ReportTestCase> cases = suites.stream().flatMap(suite -> suite.getTestCases().stream()).toList();
        Tally tally = Tally.of(PostureResults.read(output.resolve("allure-results")));

        assertThat(reports).singleElement().satisfies(file -> assertThat(file.getName()).isEqualTo("TEST-" + org.rootposture.internal.catalogue.BuiltInCatalogue.class.getName() + ".xml"));
        assertThat(Files.readString(reports.get(0).toPath())).doesNotContain("<properties", "\tat ", "AKIA");
        assertThat(cases).hasSize(tally.total()).allSatisfy(testCase ->
                assertThat(testCase.getName()).matches("[a-z]+(\\.[a-z-]+)+ · \\d{12} · [a-z-]+( · [a-z]+-[a-z]+-\\d)?"));
        assertThat(suites).singleElement().satisfies(suite -> {
            assertThat(suite.getNumberOfFailures()).isEqualTo(tally.count(ReportVerdict.FAIL));
            assertThat(suite.getNumberOfErrors()).isEqualTo(tally.count(ReportVerdict.UNABLE_TO_ASSESS));
            assertThat(suite.getNumberOfSkipped()).isEqualTo(tally.count(ReportVerdict.NOT_APPLICABLE) + tally.count(ReportVerdict.WAIVED));
        });
        assertThat(cases).filteredOn(ReportTestCase::hasFailure).isNotEmpty().allSatisfy(testCase -> {
            assertThat(testCase.getFailureMessage()).doesNotContain("\n").endsWith(".");
            assertThat(testCase.getFailureType()).isIn("FAIL", "UNABLE_TO_ASSESS");
            assertThat(testCase.getFailureDetail()).isEqualTo(testCase.getFailureMessage());
        });
        assertThat(cases).filteredOn(testCase -> testCase.getName().equals("root.mfa.hardware · 222222222222 · prod-payments"))
                .singleElement().satisfies(testCase -> assertThat(testCase.getFailureMessage())
                        .startsWith("The root user's MFA is a virtual device, not a hardware device. ").contains("payments-break-glass"));
    }
}
