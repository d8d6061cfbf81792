package org.rootposture.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.rootposture.lab.RateLimit;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

/**
 * Organization-scale benchmark: the whole built-in catalogue, through the JUnit Platform launcher exactly as a real run,
 * against lab organizations of N generated accounts with a fixed latency per AWS call; beside it the same checks
 * written naively. Prints per N the wall time, accounts per second, AWS calls per account by operation, peak heap and
 * threads, the CPU time per check and by who spent it, and the latency bound (total calls × latency ÷ concurrency)
 * with the ratio of wall time to it. Then, end to end, the auditor's report of the largest size's run is generated as
 * a pipeline does it, and its cost printed (see {@link ReportMeasurement}); with {@code --report=DIR} every size's
 * report, kept in DIR.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmark -am package -DskipTests &amp;&amp; java -Dsun.net.httpserver.nodelay=true -jar benchmark/target/rootposture-benchmark.jar
 * </pre>
 */
public final class Benchmark {

    /**
     * The JDK HTTP server the lab runs on sends a response in two writes and, without this property (read only from the
     * command line's system properties, when it first starts), leaves Nagle's algorithm on: against the client's delayed
     * acknowledgement every call then waits about 40 ms more than the latency the lab adds, which AWS does not do.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (!Boolean.getBoolean(NO_DELAY)) {
            System.err.println("Run the benchmark as java -D" + NO_DELAY + "=true -jar rootposture-benchmark.jar: without it the lab's "
                    + "HTTP server delays every answer by some 40 ms beyond --latency, which AWS does not, and the figures would be wrong.");
            System.exit(2);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path results = options.resultsDir().isPresent()
                ? Files.createTempDirectory(Files.createDirectories(options.resultsDir().get()), "rootposture-benchmark-allure-")
                : Files.createTempDirectory("rootposture-benchmark-allure-");
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try {
            run(options, results, System.out);
        } finally {
            LabMeasurement.clean(results);
            Files.deleteIfExists(results);
        }
    }

    /** What a benchmark measured: the runs, and the reports generated from them. */
    record Run(List<Measurement> measurements, List<ReportMeasurement> reports) {
    }

    static Run run(Options options, Path allureResults, PrintStream out) {
        Path reportDir;
        try {
            reportDir = options.reportDir().isPresent() ? options.reportDir().get() : Files.createTempDirectory("rootposture-benchmark-report-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the report", e);
        }
        try {
            return run(options, allureResults, reportDir, out);
        } finally {
            if (options.reportDir().isEmpty()) {
                LabMeasurement.clean(reportDir);
                reportDir.toFile().delete();
            }
        }
    }

    private static Run run(Options options, Path allureResults, Path reportDir, PrintStream out) {
        CatalogueClass catalogue = CatalogueClass.builtIn();
        LabMeasurement lab = new LabMeasurement(allureResults);
        Report report = new Report(out, options, catalogue);
        report.header();
        out.println("Allure results: " + allureResults + " (emptied before and after each run)");
        if (options.warmup()) {
            out.println("(warm-up: one unmeasured run of each kind at 10 accounts)");
            framework(lab, catalogue, options, 10, options.concurrency().get(0), List.of(), results -> { });
            if (options.baselineUpTo() > 0) {
                lab.run("baseline", NaiveRootChecks.class, 10, options.latency(), 1, List.of(), Map.of(), results -> { });
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        List<ReportMeasurement> reports = new ArrayList<>();
        for (int accounts : options.accounts()) {
            List<Measurement> size = new ArrayList<>();
            for (int concurrency : options.concurrency()) {
                Consumer<Path> generate = concurrency != options.concurrency().get(0) || !options.reports(accounts) ? results -> { }
                        : results -> reports.add(ReportMeasurement.generate(accounts, results, reportDir.resolve(accounts + "-accounts"),
                                options.reportHeap()));
                size.add(framework(lab, catalogue, options, accounts, concurrency, List.of(), generate));
            }
            if (accounts <= options.baselineUpTo()) {
                size.add(lab.run("baseline", NaiveRootChecks.class, accounts, options.latency(), 1, List.of(), Map.of(), results -> { }));
            }
            report.size(accounts, size);
            reports.stream().filter(generated -> generated.accounts() == accounts).forEach(generated -> report.generated(generated, size.get(0)));
            measurements.addAll(size);
        }
        if (options.throttled() > 0) {
            Measurement throttled = framework(lab, catalogue, options, options.throttled(), options.concurrency().get(0), RateLimit.awsDefaults(),
                    results -> { });
            report.throttled(throttled);
            measurements.add(throttled);
        }
        report.summary(measurements, reports);
        return new Run(measurements, reports);
    }

    private static Measurement framework(LabMeasurement lab, CatalogueClass catalogue, Options options, int accounts, int concurrency,
                                         List<RateLimit> rateLimits, Consumer<Path> withResults) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "rootposture.targets", "organization",
                "rootposture.region", "us-east-1",
                "rootposture.concurrency", String.valueOf(concurrency),
                "rootposture.root-sessions", "true"));
        options.maxAttempts().ifPresent(attempts -> settings.put("rootposture.max-attempts", String.valueOf(attempts)));
        return lab.run(rateLimits.isEmpty() ? "framework" : "framework, AWS-like rate limits", catalogue.postureClass(), accounts,
                options.latency(), concurrency, rateLimits, settings, withResults);
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }
}
