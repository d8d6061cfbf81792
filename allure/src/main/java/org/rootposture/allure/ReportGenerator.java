package org.rootposture.allure;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Turns the allure-results of a posture run into the auditor's report. In order it copies the verdict categories
 * into the results, writes the environment and executor files, copies the previous run's history, runs the Allure
 * commandline for a single-file report ({@code --report}/index.html) and a multi-file one (its sibling
 * {@value Arguments#SITE_DIRECTORY}, which keeps the history), checks both are offline-safe, and prints
 * <pre>Root Posture report: file:///.../index.html (N results: P passed, F failed, B broken, S skipped)</pre>
 * Exit codes: 0 report written, 1 generation failed, 2 bad command line. See {@link Arguments#USAGE}.
 */
public final class ReportGenerator {

    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param environment the process environment, used to recognise the CI run
     * @param clock       the clock of the "Report generated" time
     * @param out         where progress and the final report line are printed
     */
    public ReportGenerator(Map<String, String> environment, Clock clock, PrintStream out) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns its exit code instead of exiting. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (Arguments.isHelp(args)) {
            out.println(Arguments.USAGE);
            return 0;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (UsageException e) {
            err.println("ReportGenerator: " + e.getMessage());
            err.println(Arguments.USAGE);
            return 2;
        }
        try {
            out.println(new ReportGenerator(environment, Clock.systemUTC(), out).generate(arguments));
            return 0;
        } catch (ReportException | UncheckedIOException e) {
            err.println("Root Posture report FAILED: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Generates the report.
     *
     * @return the report line, {@code Root Posture report: file:///.../index.html (N results: ...)}
     * @throws ReportException when the results are empty or unreadable, Allure fails, or the report is not
     *                         offline-safe
     */
    public String generate(Arguments arguments) {
        Path results = arguments.results();
        ResultCounts counts = ResultCounts.read(results);
        if (counts.total() == 0) {
            throw new ReportException("No *-result.json files in " + results
                    + " (--results): did the posture tests run and write their Allure results there?");
        }
        Categories.copyInto(results);
        Environment.of(arguments.environment(), clock).writeTo(results);
        Executor.detect(environment, arguments.reportName()).writeTo(results);
        int historyFiles = History.copy(arguments.site(), results);
        if (historyFiles > 0) {
            out.println("Root Posture report: carried over " + historyFiles + " history files from " + arguments.site());
        }

        AllureCommandLine allure = new AllureCommandLine(arguments.allureHome());
        allure.generateSingleFile(results, arguments.report(), arguments.reportName());
        allure.generateSite(results, arguments.site(), arguments.reportName());

        Path index = arguments.report().resolve("index.html");
        for (Path html : new Path[] {index, arguments.site().resolve("index.html")}) {
            ReportVerifier.removeAnalyticsStub(html);
            ReportVerifier.verify(html);
        }
        return "Root Posture report: " + index.toUri() + " (" + counts + ")";
    }
}
