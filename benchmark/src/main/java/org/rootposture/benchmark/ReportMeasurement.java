package org.rootposture.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.allure.AllureCommandLine;
import org.rootposture.allure.AllureHeap;
import org.rootposture.allure.MatrixHtml;
import org.rootposture.allure.ReportGenerator;
import org.rootposture.allure.SummaryHtml;

/**
 * The auditor's report generated from one run's Allure results as a pipeline generates it: {@link ReportGenerator} in a
 * JVM of its own, it and the Allure commandline JVMs it starts each capped at the same heap. Every one of these JVMs
 * logs its garbage collections ({@code -Xlog:gc}, reaching the Allure commandline through {@code JAVA_TOOL_OPTIONS}),
 * and its heap figures are read from that log: the peak in use (heap occupied when a collection started, or at exit)
 * and the peak live (after a collection). That measures the heap itself, not the process's memory, of every JVM,
 * the short-lived Allure ones included, without an agent, a hook in the generator or sampling that could miss a peak.
 *
 * @param accounts        the organization's size
 * @param results         the number of Allure results the report was generated from
 * @param heap            the maximum heap of every JVM
 * @param wall            the generator's wall time, JVM start included
 * @param cpuSeconds      the CPU time of the generator and the Allure commandline JVMs it started; -1 where the system
 *                        does not tell (read from Linux's {@code /proc/self/stat}: the CPU of the child processes waited for)
 * @param failure         the generator's error line, empty when it succeeded
 * @param jvms            each JVM's heap, the generator's first, then the Allure commandline's in the order they started
 * @param indexHtmlBytes  the size of the single-file report
 * @param matrixHtmlBytes the size of the compliance matrix page beside it
 * @param summaryHtmlBytes the size of the executive summary page beside it
 * @param report          the folder of the single-file report
 */
record ReportMeasurement(int accounts, int results, AllureHeap heap, Duration wall, double cpuSeconds, String failure, List<Jvm> jvms,
                         long indexHtmlBytes, long matrixHtmlBytes, long summaryHtmlBytes, Path report) {

    /** The heap of one JVM, in bytes; -1 when its log did not say. */
    record Jvm(String name, long peakUsed, long peakLive) {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Pattern AT_EXIT = Pattern.compile(
            "(garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");
    private static final Pattern FAILURE = Pattern.compile("(?m)^Root Posture report FAILED: .*$");

    boolean succeeded() {
        return failure.isEmpty();
    }

    /**
     * Generates the report of {@code results} into {@code into}/allure-report (and its history into allure-history beside it).
     *
     * @throws UncheckedIOException when the generator cannot be started or its output not read
     */
    static ReportMeasurement generate(int accounts, Path results, Path into, AllureHeap heap) {
        try {
            Path logs = Files.createTempDirectory("rootposture-benchmark-gc-");
            try {
                return generate(accounts, results, into, heap, logs);
            } finally {
                LabMeasurement.clean(logs);
                Files.delete(logs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure the report generation into " + into, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating the report into " + into, e);
        }
    }

    private static ReportMeasurement generate(int accounts, Path results, Path into, AllureHeap heap, Path logs)
            throws IOException, InterruptedException {
        Path report = into.resolve("allure-report");
        Path output = logs.resolve("generator.log");
        String gcLog = "-Xlog:gc,gc+heap+exit:file=" + logs.resolve("gc-%p.log") + ":time";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap.jvmOption(), "-cp", System.getProperty("java.class.path"), ReportGenerator.class.getName(),
                "--results", results.toString(), "--report", report.toString(), "--allure-home", allureHome().toString(),
                "--allure-heap", heap.size(), "--name", "Root Posture benchmark · " + accounts + " accounts")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.merge("JAVA_TOOL_OPTIONS", gcLog, (inherited, added) -> inherited + " " + added);
        long start = System.nanoTime();
        double childrenCpu = childrenCpuSeconds();
        Process generator = builder.start();
        if (!generator.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            generator.destroyForcibly().waitFor();
            throw new IllegalStateException("The report generator did not finish within " + TIMEOUT.toMinutes() + " minutes");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        double cpu = childrenCpu < 0 ? -1 : childrenCpuSeconds() - childrenCpu;
        String failure = "";
        if (generator.exitValue() != 0) {
            Matcher line = FAILURE.matcher(Files.readString(output, StandardCharsets.UTF_8));
            failure = line.find() ? line.group() : "exit code " + generator.exitValue();
        }
        return new ReportMeasurement(accounts, resultCount(results), heap, wall, cpu, failure, jvms(logs, generator.pid()),
                size(report.resolve("index.html")), size(report.resolve(MatrixHtml.FILE_NAME)), size(report.resolve(SummaryHtml.FILE_NAME)),
                report);
    }

    /**
     * The CPU time, in seconds, of the child processes this JVM has waited for, with their own children they waited for
     * (Linux's cutime and cstime, in clock ticks of 1/100 s); -1 elsewhere.
     */
    private static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    private static Path allureHome() {
        try {
            Path target = Path.of(ReportMeasurement.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            Path unpacked = target.resolve("allure-commandline");
            return AllureCommandLine.findHome(unpacked).orElseThrow(() -> new IllegalStateException("No Allure commandline in "
                    + unpacked + ": build the benchmark with ./mvnw -B -pl benchmark -am package"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Jvm> jvms(Path logs, long generatorPid) throws IOException {
        List<Path> allure = new ArrayList<>();
        Path generator = logs.resolve("gc-" + generatorPid + ".log");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs, "gc-*.log")) {
            files.forEach(file -> {
                if (!file.equals(generator)) {
                    allure.add(file);
                }
            });
        }
        allure.sort(Comparator.comparing(ReportMeasurement::firstLine));
        List<Jvm> jvms = new ArrayList<>();
        jvms.add(jvm("generator", generator));
        for (int i = 0; i < allure.size(); i++) {
            jvms.add(jvm(allure.size() == 1 ? "Allure" : "Allure " + (i + 1), allure.get(i)));
        }
        return jvms;
    }

    private static String firstLine(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Jvm jvm(String name, Path log) {
        long peakUsed = -1;
        long peakLive = -1;
        long atExit = 0;
        boolean exited = false;
        try (var lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher collection = COLLECTION.matcher(line);
                if (collection.find()) {
                    peakUsed = Math.max(peakUsed, bytes(collection.group(1), collection.group(2)));
                    peakLive = Math.max(peakLive, bytes(collection.group(3), collection.group(4)));
                }
                Matcher exit = AT_EXIT.matcher(line);
                if (exit.find()) {
                    atExit += bytes(exit.group(2), "K");
                    exited = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GC log " + log, e);
        }
        return new Jvm(name, exited ? Math.max(peakUsed, atExit) : peakUsed, peakLive);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }

    private static int resultCount(Path results) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(results, "*-result.json")) {
            int count = 0;
            for (Path ignored : files) {
                count++;
            }
            return count;
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : -1;
    }
}
