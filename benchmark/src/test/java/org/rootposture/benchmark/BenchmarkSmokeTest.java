package org.rootposture.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.allure.AllureHeap;
import org.rootposture.allure.Arguments;
import org.rootposture.allure.MatrixHtml;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.Catalogue;
import org.rootposture.lab.fixture.Account;

/** The benchmark's code on three accounts with no latency: both kinds of run, measured and printed. Not a benchmark. */
class BenchmarkSmokeTest {

    /**
     * Where the runs' Allure results go: Allure's writer reads its directory once per JVM, already done when Surefire's
     * own launcher loaded it, from the property the module's Surefire configuration sets.
     */
    private static final Path results = Path.of(System.getProperty("allure.results.directory"));

    @Test
    void measuresTheCatalogueAndTheBaselineOnThreeAccounts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Benchmark.Run run = Benchmark.run(Options.parse("--accounts=3", "--latency=0", "--concurrency=4", "--baseline-up-to=3",
                "--throttled=0", "--no-warmup", "--no-report"), results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<Measurement> measurements = run.measurements();

        assertThat(measurements).extracting(Measurement::mode).containsExactly("framework", "baseline");
        Measurement framework = measurements.get(0);
        Measurement baseline = measurements.get(1);
        int perAccount = Catalogue.all().size() + (int) Catalogue.all().stream().filter(control -> control.perRegion()).count();
        assertThat(framework.verdicts().total()).isEqualTo(3 * perAccount);
        assertThat(baseline.verdicts().total()).isEqualTo(framework.verdicts().total());
        assertThat(framework.verdicts().tally().count(ReportVerdict.PASS)).isPositive();
        assertThat(framework.totalCalls()).isPositive().isLessThan(baseline.totalCalls());
        assertThat(framework.callsByOperation()).containsKeys("iam:GetAccountSummary", "organizations:ListAccountsForParent", "sts:AssumeRoot",
                "cloudtrail:LookupEvents");
        assertThat(framework.callsPerAccount(Measurement.Group.ROOT_SESSION)).isPositive();
        assertThat(framework.cpuByPart()).containsKeys(CpuWatch.Part.values());
        assertThat(framework.cpuByPart().get(CpuWatch.Part.JUNIT)).as("the launcher's thread ran the tests").isPositive();
        assertThat(framework.cpuByPart().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(framework.cpuSeconds(),
                org.assertj.core.data.Offset.offset(0.2 * framework.cpuSeconds() + 0.1));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("N = 3 accounts", "latency bound", "peak after GC", "framework (concurrency 4) vs baseline", "Targets")
                .containsPattern("CPU: \\d+\\.\\d s = \\d+\\.\\d\\d ms per check, .* · JUnit thread \\d+\\.\\d s \\(\\d+%\\) · readers ");
        assertThat(results).isEmptyDirectory();
        assertThat(run.reports()).isEmpty();
    }

    @Test
    void generatesTheReportOfEachSizeWithinTheHeapAndPrintsWhatItCost(@TempDir Path reports) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Benchmark.Run run = Benchmark.run(Options.parse("--accounts=2,3", "--latency=0", "--concurrency=4", "--baseline-up-to=0",
                "--throttled=0", "--no-warmup", "--report=" + reports, "--report-heap=256m"), results,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(run.reports()).extracting(ReportMeasurement::accounts).containsExactly(2, 3);
        ReportMeasurement three = run.reports().get(1);
        assertThat(three.failure()).isEmpty();
        assertThat(three.results()).isEqualTo(run.measurements().get(1).verdicts().total());
        assertThat(three.report()).isEqualTo(reports.resolve("3-accounts/allure-report"));
        assertThat(three.indexHtmlBytes()).isEqualTo(three.report().resolve("index.html").toFile().length()).isPositive();
        assertThat(three.report().resolve(MatrixHtml.FILE_NAME)).isNotEmptyFile();
        assertThat(three.report().resolveSibling(Arguments.HISTORY_DIRECTORY).resolve("history-trend.json")).exists();
        assertThat(three.jvms()).extracting(ReportMeasurement.Jvm::name).containsExactly("generator", "Allure");
        assertThat(three.jvms()).allSatisfy(jvm -> assertThat(jvm.peakUsed()).isPositive().isLessThanOrEqualTo(256L << 20));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).containsPattern(
                "report: " + three.results() + " results · generated in \\d+\\.\\d s, CPU (\\d+\\.\\d s|n/a) · peak heap in use \\(live after GC\\), every JVM"
                        + " -Xmx256m: generator \\d+ MB \\((\\d+ MB|no GC)\\), Allure \\d+ MB .*"
                        + " · index.html \\d+\\.\\d MB, summary.html \\d+\\.\\d MB, compliance-matrix.html \\d+\\.\\d MB · " + Pattern.quote(three.report() + "/index.html"));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).containsPattern("end to end: checks \\d+\\.\\d s \\+ report \\d+\\.\\d s = .* ms per check:"
                + " checks \\d+% \\(JUnit thread \\d+%, readers \\d+%, lab \\d+%, JVM \\(JIT, GC\\) \\d+%, other threads \\d+%\\), report \\d+%");
        assertThat(three.cpuSeconds()).as("the generator's JVMs' CPU, on Linux").isPositive();
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void byDefaultTheLargestSizesReportIsGeneratedAndRemovedAfter() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Benchmark.Run run = Benchmark.run(Options.parse("--accounts=1,2", "--latency=0", "--concurrency=4", "--baseline-up-to=0",
                "--throttled=0", "--no-warmup", "--report-heap=256m"), results, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(run.reports()).extracting(ReportMeasurement::accounts).containsExactly(2);
        assertThat(run.reports().get(0).failure()).isEmpty();
        assertThat(run.reports().get(0).report()).as("a temporary folder, removed").doesNotExist();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("end to end: checks");
    }

    @Test
    void aGenerationThatRunsOutOfHeapIsMeasuredWithItsSentence(@TempDir Path oneResult, @TempDir Path reports) throws Exception {
        Files.writeString(oneResult.resolve("1-result.json"),
                "{\"uuid\":\"1\",\"historyId\":\"h\",\"name\":\"n\",\"status\":\"passed\",\"stage\":\"finished\",\"start\":1,\"stop\":2}");

        ReportMeasurement failed = ReportMeasurement.generate(1, oneResult, reports, AllureHeap.parse("16m"));

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failure()).isEqualTo("Root Posture report FAILED: The Allure commandline ran out of memory in its 16m heap;"
                + " raise it with --allure-heap or the environment variable ROOTPOSTURE_ALLURE_HEAP, for example to 32m.");
        assertThat(failed.indexHtmlBytes()).isEqualTo(-1);
    }

    @Test
    void theGeneratedOrganizationIsAValidFixtureWithAMixOfStates() {
        var fixture = GeneratedOrganization.of(1000);
        assertThat(fixture.accounts()).hasSize(1000);
        assertThat(fixture.accounts()).filteredOn(account -> account.status() == Account.Status.SUSPENDED).hasSize(10);
        assertThat(fixture.accounts()).filteredOn(account -> !account.assumable()).hasSizeGreaterThan(10);
        assertThat(fixture.organizationIfAny().orElseThrow().organizationalUnits()).hasSize(7);
        assertThat(fixture.organizationIfAny().orElseThrow().policies()).hasSize(4);
        assertThat(GeneratedOrganization.of(10)).isEqualTo(GeneratedOrganization.of(10));
    }

    @Test
    void optionsHaveDefaultsAndRefuseNonsense() {
        Options defaults = Options.parse();
        assertThat(defaults.accounts()).containsExactly(10, 100, 1000);
        assertThat(defaults.latency().toMillis()).isEqualTo(25);
        assertThat(defaults.throttled()).isEqualTo(1000);
        assertThat(Options.parse("--accounts=5,50", "--throttled=0").throttled()).isZero();
        assertThatThrownBy(() -> Options.parse("--concurrency=65"))
                .hasMessageContaining("--concurrency takes numbers from 1 to 64");
        assertThatThrownBy(() -> Options.parse("--nonsense")).hasMessageContaining("Unknown option");
        assertThat(defaults.reportDir()).isEmpty();
        assertThat(defaults.report()).isTrue();
        assertThat(defaults.reports(1000)).isTrue();
        assertThat(defaults.reports(100)).isFalse();
        assertThat(Options.parse("--no-report").reports(1000)).isFalse();
        assertThatThrownBy(() -> Options.parse("--report=x", "--no-report")).hasMessageContaining("contradict");
        assertThat(defaults.reportHeap()).hasToString("1g");
        assertThatThrownBy(() -> Options.parse("--report")).hasMessageContaining("--report takes a folder: --report=DIR");
        assertThatThrownBy(() -> Options.parse("--report-heap=lots")).hasMessageContaining("--report-heap: expected a heap size");
    }
}
