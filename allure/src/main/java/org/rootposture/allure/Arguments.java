package org.rootposture.allure;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link ReportGenerator}, checked: see {@link #USAGE}.
 *
 * @param results     the allure-results directory of the posture run
 * @param report      where the single-file report is written
 * @param allureHome  the Allure commandline's home (the folder holding {@code lib/})
 * @param environment rows for the report's Environment widget, in the order given
 * @param reportName  the report's title
 * @param history     the previous run's history folder to carry forward, when not the one beside the report
 * @param allureHeap  the Allure commandline's heap, when not the one of {@link AllureHeap#fromEnvironment}
 */
public record Arguments(Path results, Path report, Path allureHome, Map<String, String> environment,
                        String reportName, Optional<Path> history, Optional<AllureHeap> allureHeap) {

    /** The report title used when {@code --name} is not given. */
    public static final String DEFAULT_REPORT_NAME = "Root Posture compliance report";

    /** Folder name, beside {@code --report}, of the trend history the generator writes for the next run. */
    public static final String HISTORY_DIRECTORY = "allure-history";

    /**
     * Folder name, beside {@code --report}, of the multi-file report that earlier versions wrote to keep the history:
     * its {@code history/} is still read when there is no {@value #HISTORY_DIRECTORY} beside the report.
     */
    public static final String OLD_SITE_DIRECTORY = "allure-report-site";

    /** The help text. */
    public static final String USAGE = """
            Usage: ReportGenerator --results DIR --report DIR --allure-home DIR [--env KEY=VALUE ...] [--name TITLE]
                                   [--history DIR] [--allure-heap SIZE]
              --results DIR      allure-results directory written by the posture run (must exist and hold results)
              --report DIR       output folder of the single-file report (index.html, summary.html and the compliance
                                 matrix); replaced on every run, and only once the new report is complete. The trend
                                 history for the next run goes to its sibling allure-history
              --allure-home DIR  unpacked io.qameta.allure:allure-commandline zip (the folder holding lib/, or its parent)
              --env KEY=VALUE    a row of the report's Environment section; repeatable
              --name TITLE       report title (default: Root Posture compliance report)
              --history DIR      the previous run's history folder, for example restored from a pipeline cache
                                 (default: allure-history beside --report, else allure-report-site/history, if either
                                 exists)
              --allure-heap SIZE maximum heap of the Allure commandline's JVM, as for java -Xmx: 1536m, 4g
                                 (default: the environment variable ROOTPOSTURE_ALLURE_HEAP, else 2g). The generator's
                                 own heap is that of the java command running it (java -Xmx...)
              --help             print this help""";

    public Arguments {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The folder beside {@link #report()} where this run's trend history is written, for the next run. */
    public Path historyOutput() {
        return report.resolveSibling(HISTORY_DIRECTORY);
    }

    /**
     * The history folder carried into this run's report: {@code --history}, else {@value #HISTORY_DIRECTORY} beside the
     * report, else, where only an earlier version ran, {@value #OLD_SITE_DIRECTORY}/history.
     */
    public Path previousHistory() {
        Path old = report.resolveSibling(OLD_SITE_DIRECTORY).resolve(History.DIRECTORY);
        return history.orElse(!Files.isDirectory(historyOutput()) && Files.isDirectory(old) ? old : historyOutput());
    }

    /** Whether the command line asks for help. */
    public static boolean isHelp(String... args) {
        for (String arg : args) {
            if ("--help".equals(arg) || "-h".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses and checks the command line.
     *
     * @throws UsageException naming the argument that is missing, repeated, unknown or wrong
     */
    public static Arguments parse(String... args) {
        Path results = null;
        Path report = null;
        Path allureHome = null;
        String reportName = null;
        Path history = null;
        AllureHeap allureHeap = null;
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--results" -> results = path(option, once(option, results, value(args, i++)));
                case "--report" -> report = path(option, once(option, report, value(args, i++)));
                case "--allure-home" -> allureHome = path(option, once(option, allureHome, value(args, i++)));
                case "--name" -> reportName = once(option, reportName, value(args, i++));
                case "--history" -> history = path(option, once(option, history, value(args, i++)));
                case "--allure-heap" -> allureHeap = heap(option, once(option, allureHeap, value(args, i++)));
                case "--env" -> {
                    String pair = value(args, i++);
                    int eq = pair.indexOf('=');
                    if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                        throw new UsageException("--env: expected KEY=VALUE but got '" + pair + "'");
                    }
                    environment.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
                default -> throw new UsageException("unknown argument '" + option + "'");
            }
        }
        Path resultsDir = required("--results", results);
        Path reportDir = required("--report", report);
        Path home = findAllureHome(required("--allure-home", allureHome));
        if (!Files.isDirectory(resultsDir)) {
            throw new UsageException("--results: no such directory: " + resultsDir);
        }
        if (reportDir.getParent() == null) {
            throw new UsageException("--report: must not be a file-system root: " + reportDir);
        }
        if (overlap(reportDir, resultsDir)) {
            throw new UsageException("--report: " + reportDir + " overlaps --results " + resultsDir
                    + "; the report folder is deleted and rewritten on every run");
        }
        Path historyOutput = reportDir.resolveSibling(HISTORY_DIRECTORY);
        if (historyOutput.equals(reportDir)) {
            throw new UsageException("--report: must not be named " + HISTORY_DIRECTORY
                    + ", the name of the trend history written beside it");
        }
        if (overlap(historyOutput, resultsDir)) {
            throw new UsageException("--report: its sibling " + historyOutput + " (the trend history) overlaps --results "
                    + resultsDir);
        }
        if (reportName != null && reportName.isBlank()) {
            throw new UsageException("--name: must not be blank");
        }
        if (history != null && Files.exists(history) && !Files.isDirectory(history)) {
            throw new UsageException("--history: not a directory: " + history);
        }
        if (history != null && history.startsWith(resultsDir)) {
            throw new UsageException("--history: " + history + " is inside --results " + resultsDir
                    + ", whose history/ folder is replaced with it");
        }
        return new Arguments(resultsDir, reportDir, home, environment, reportName == null ? DEFAULT_REPORT_NAME : reportName,
                Optional.ofNullable(history), Optional.ofNullable(allureHeap));
    }

    private static Path findAllureHome(Path dir) {
        return AllureCommandLine.findHome(dir).orElseThrow(() -> new UsageException("--allure-home: " + dir
                + " is not an unpacked Allure commandline (no lib/ folder in it or in a single sub-folder)"));
    }

    private static String value(String[] args, int optionIndex) {
        if (optionIndex + 1 >= args.length || args[optionIndex + 1].startsWith("--")) {
            throw new UsageException(args[optionIndex] + ": needs a value");
        }
        return args[optionIndex + 1];
    }

    private static <T> String once(String option, T previous, String value) {
        if (previous != null) {
            throw new UsageException(option + ": given more than once");
        }
        return value;
    }

    private static Path path(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + ": must not be blank");
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path: '" + value + "'");
        }
    }

    private static AllureHeap heap(String option, String value) {
        try {
            return AllureHeap.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static <T> T required(String option, T value) {
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    private static boolean overlap(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
