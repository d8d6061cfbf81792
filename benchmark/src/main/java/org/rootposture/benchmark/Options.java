package org.rootposture.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.rootposture.allure.AllureHeap;

/**
 * The benchmark's command line.
 *
 * <pre>
 * --accounts=10,100,1000   organization sizes to measure
 * --latency=25             milliseconds the lab adds to every AWS call
 * --concurrency=32         rootposture.concurrency of the framework runs (1 to 64; several: 8,32,64)
 * --baseline-up-to=100     run the naive baseline for sizes up to this (0: never)
 * --throttled=1000         one more framework run of this size with AWS-like rate limits (0: none)
 * --max-attempts=N         rootposture.max-attempts of the framework runs (default: the framework's)
 * --no-warmup              measure without an unmeasured warm-up run first
 * --results-dir=DIR        where the temporary Allure results go (default: the system's temporary directory)
 * --report=DIR             generate the report of every size's framework run and keep it, into DIR/N-accounts
 *                          (default: the largest size's only, into a temporary folder removed afterwards)
 * --no-report              generate no report
 * --report-heap=1g         maximum heap of the report generator's JVM and of the Allure commandline's
 * </pre>
 */
record Options(List<Integer> accounts, Duration latency, List<Integer> concurrency, int baselineUpTo, int throttled,
               OptionalInt maxAttempts, boolean warmup, Optional<Path> resultsDir, boolean report, Optional<Path> reportDir,
               AllureHeap reportHeap) {

    static final String USAGE = """
            Usage: java -Dsun.net.httpserver.nodelay=true -jar benchmark/target/rootposture-benchmark.jar [options]
              --accounts=10,100,1000   organization sizes to measure
              --latency=25             milliseconds the lab adds to every AWS call
              --concurrency=32         rootposture.concurrency of the framework runs (1 to 64; a list measures each)
              --baseline-up-to=100     run the naive sequential baseline for sizes up to this (0: never)
              --throttled=1000         one more framework run of this size under AWS-like rate limits (0: none)
              --max-attempts=N         rootposture.max-attempts of the framework runs (default: the framework's)
              --no-warmup              no unmeasured warm-up run at 10 accounts first
              --results-dir=DIR        where the temporary Allure results go (default: the system temp directory)
              --report=DIR             generate the auditor's report of every size's framework run (the first
                                       --concurrency), as a pipeline does, and keep it in DIR/N-accounts/allure-report
                                       (default: the largest size's report only, in a temporary folder removed after)
              --no-report              generate no report
              --report-heap=1g         maximum heap of the report generator's JVM and of each Allure commandline JVM""";

    static Options parse(String... args) {
        List<Integer> accounts = List.of(10, 100, 1000);
        Duration latency = Duration.ofMillis(25);
        List<Integer> concurrency = List.of(32);
        int baselineUpTo = 100;
        Integer throttled = null;
        OptionalInt maxAttempts = OptionalInt.empty();
        boolean warmup = true;
        Optional<Path> resultsDir = Optional.empty();
        boolean report = true;
        Optional<Path> reportDir = Optional.empty();
        AllureHeap reportHeap = AllureHeap.parse("1g");
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--accounts" -> accounts = list(name, value, 1, 100_000);
                case "--latency" -> latency = Duration.ofMillis(number(name, value, 0, 10_000));
                case "--concurrency" -> concurrency = list(name, value, 1, 64);
                case "--baseline-up-to" -> baselineUpTo = number(name, value, 0, 100_000);
                case "--throttled" -> throttled = number(name, value, 0, 100_000);
                case "--max-attempts" -> maxAttempts = OptionalInt.of(number(name, value, 1, 100));
                case "--no-warmup" -> warmup = false;
                case "--results-dir" -> resultsDir = Optional.of(Path.of(value));
                case "--report" -> reportDir = Optional.of(folder(name, value));
                case "--no-report" -> report = false;
                case "--report-heap" -> reportHeap = heap(name, value);
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        int largest = accounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (!report && reportDir.isPresent()) {
            throw new IllegalArgumentException("--report=DIR and --no-report contradict each other: give one of them");
        }
        return new Options(accounts, latency, concurrency, baselineUpTo, throttled == null ? largest : throttled, maxAttempts, warmup, resultsDir,
                report, reportDir, reportHeap);
    }

    /** The largest organization size measured. */
    int largest() {
        return accounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Whether the report of this size's framework run is generated. */
    boolean reports(int size) {
        return report && (reportDir.isPresent() || size == largest());
    }

    private static Path folder(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " takes a folder: " + name + "=DIR");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static AllureHeap heap(String name, String value) {
        try {
            return AllureHeap.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static List<Integer> list(String name, String value, int min, int max) {
        try {
            List<Integer> list = Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
            if (list.isEmpty() || list.stream().anyMatch(n -> n < min || n > max)) {
                throw new NumberFormatException();
            }
            return list;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes numbers from " + min + " to " + max + " separated by commas, not '" + value + "'");
        }
    }

    private static int number(String name, String value, int min, int max) {
        return list(name, value, min, max).get(0);
    }
}
