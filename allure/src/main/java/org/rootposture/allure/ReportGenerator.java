package org.rootposture.allure;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rootposture.contract.Categories;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.RunRecord;
import org.rootposture.contract.Tally;

/**
 * Turns the allure-results of a posture run into the auditor's report. In order it copies the verdict categories
 * into the results, writes the environment (the framework's run record, benchmarks, verdicts, commit, workspace,
 * waivers, the verdict legend) and executor files, carries the previous run's history forward, runs the Allure
 * commandline once (in its own JVM, within the {@link AllureHeap}) for a single-file report ({@code --report}/index.html),
 * takes the new trend history out of it into the sibling {@value Arguments#HISTORY_DIRECTORY} for the next run, writes
 * the executive summary and the compliance matrix beside it ({@value SummaryHtml#FILE_NAME}, {@value MatrixHtml#FILE_NAME},
 * {@value MatrixCsv#FILE_NAME}) and into it (see {@link ReportPanel}), checks every page is offline-safe, moves the
 * report and the history into place together, and prints
 * <pre>
 * Root Posture report: file:///.../index.html (N results: P compliant, F non-compliant, U unable to assess, A not applicable, W waived)
 * </pre>
 * Exit codes: 0 report written, 1 generation failed, 2 bad command line. See {@link Arguments#USAGE}.
 */
public final class ReportGenerator {

    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintStream out;
    private final Path workingDirectory;

    /**
     * @param environment the process environment, used to recognise the CI run
     * @param clock       the clock of the "Report generated" time
     * @param out         where progress and the final report line are printed
     */
    public ReportGenerator(Map<String, String> environment, Clock clock, PrintStream out) {
        this(environment, clock, out, Path.of("").toAbsolutePath());
    }

    ReportGenerator(Map<String, String> environment, Clock clock, PrintStream out, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.out = out;
        this.workingDirectory = workingDirectory;
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
     * Generates the report. The report and its history are written into a temporary folder beside {@code --report} and
     * moved into place together once both are complete, so a failed generation leaves the previous report and history as
     * they were.
     *
     * @return the report line, {@code Root Posture report: file:///.../index.html (N results: ...)}
     * @throws ReportException when the results are empty or unreadable, Allure fails, the report is not offline-safe,
     *                         or a heap is too small (naming which heap to raise)
     */
    public String generate(Arguments arguments) {
        try {
            return generateWithinHeap(arguments);
        } catch (OutOfMemoryError e) {
            long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            throw new ReportException("The report generator ran out of memory in its Java heap of " + heapMegabytes
                    + " MB; raise it with -Xmx on the java command that runs it, for example -Xmx" + 2 * heapMegabytes + "m.");
        }
    }

    private String generateWithinHeap(Arguments arguments) {
        Path results = arguments.results();
        List<PostureResult> posture = PostureResults.read(results);
        if (posture.isEmpty()) {
            throw new ReportException("No *-result.json files in " + results
                    + " (--results): did the posture tests run and write their Allure results there?");
        }
        Tally counts = Tally.of(posture);
        AllureHeap heap = arguments.allureHeap().orElseGet(() -> AllureHeap.fromEnvironment(environment));
        Categories.writeInto(results);
        ComplianceMatrix matrix = ComplianceMatrix.of(posture);
        Optional<RunRecord> run = RunRecord.read(results);
        Map<String, String> rows = RunEnvironment.rows(run, counts, matrix,
                GitCommit.detect(environment, workingDirectory), environment);
        rows.putAll(arguments.environment());
        Environment.of(rows, clock).writeTo(results);
        Executor.detect(environment, arguments.reportName()).writeTo(results);
        int historyFiles = History.carry(arguments.previousHistory(), results);
        if (historyFiles > 0) {
            out.println("Root Posture report: carried over " + historyFiles + " history files from " + arguments.previousHistory());
        }
        Map<String, String> previousStatuses = History.previousStatuses(results);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        AllureCommandLine allure = new AllureCommandLine(arguments.allureHome(), heap);
        try (StagedOutput output = StagedOutput.beside(arguments.report())) {
            Path report = output.stage(arguments.report());
            Path history = output.stage(arguments.historyOutput());
            allure.generateSingleFile(results, report, arguments.reportName());
            Path html = report.resolve("index.html");
            Files.createDirectories(history);
            IndexHtml.finish(html, ReportPanel.first(matrix, SummaryHtml.section(matrix, posture, run, previousStatuses, today,
                    arguments.reportName(), false), arguments.reportName()), ReportPanel.last(), history);
            SummaryHtml.write(SummaryHtml.page(matrix, posture, run, previousStatuses, today, arguments.reportName()), report);
            MatrixHtml.write(matrix, arguments.reportName(), report);
            MatrixCsv.write(matrix, report);
            for (String page : List.of("index.html", SummaryHtml.FILE_NAME, MatrixHtml.FILE_NAME)) {
                ReportVerifier.verify(report.resolve(page));
            }
            output.install();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report's history into " + arguments.historyOutput(), e);
        }
        out.println("Root Posture executive summary: " + arguments.report().resolve(SummaryHtml.FILE_NAME).toUri()
                + " (" + ComplianceRate.of(matrix.tally()) + " overall compliance)");
        out.println("Root Posture compliance matrix: " + arguments.report().resolve(MatrixHtml.FILE_NAME).toUri()
                + " (" + matrix.summary() + ")");
        return "Root Posture report: " + arguments.report().resolve("index.html").toUri() + " (" + counts + ")";
    }
}
