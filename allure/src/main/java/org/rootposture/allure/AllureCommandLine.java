package org.rootposture.allure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Allure commandline, unpacked from the {@code io.qameta.allure:allure-commandline} zip, run as a separate
 * {@code java} process. Every run has {@code ALLURE_NO_ANALYTICS=true}, so Allure neither sends usage data nor
 * puts the Google Tag Manager script into the report, and {@code APP_HOME} set to the commandline's home, so its
 * plugin for the Behaviors tab (benchmark › section › control) is loaded; the others (Java packages, JUnit XML,
 * Jira, ...) mean nothing to an auditor and would only grow the report. Its JVM runs within the given
 * {@link AllureHeap} and stops at the first {@code OutOfMemoryError}, which is reported as one sentence naming the heap
 * to raise.
 */
public final class AllureCommandLine {

    /** The commandline's main class. */
    public static final String MAIN_CLASS = "io.qameta.allure.CommandLine";

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int OUTPUT_TAIL_LINES = 40;

    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";
    private static final String CONFIG = "plugins:\n  - behaviors-plugin\n";

    private final Path home;
    private final Path java;
    private final AllureHeap heap;

    /**
     * @param home the commandline's home: the folder holding {@code lib/} (see {@link #findHome(Path)})
     * @param heap the maximum heap of its JVM
     */
    public AllureCommandLine(Path home, AllureHeap heap) {
        this(home, Path.of(System.getProperty("java.home"), "bin", "java"), heap);
    }

    AllureCommandLine(Path home, Path java, AllureHeap heap) {
        this.home = home.toAbsolutePath().normalize();
        this.java = java;
        this.heap = heap;
    }

    /**
     * Finds the commandline's home in {@code dir}: {@code dir} itself when it holds {@code lib/}, or its single
     * sub-folder that does (the zip unpacks to {@code allure-<version>/}).
     */
    public static Optional<Path> findHome(Path dir) {
        if (Files.isDirectory(dir.resolve("lib"))) {
            return Optional.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> homes = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isDirectory(child.resolve("lib"))) {
                    homes.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return homes.size() == 1 ? Optional.of(homes.get(0)) : Optional.empty();
    }

    /**
     * Generates one self-contained {@code index.html} into {@code reportDir}, replacing what was there. Its trend
     * history is embedded in it (see {@link IndexHtml}).
     */
    public String generateSingleFile(Path resultsDir, Path reportDir, String reportName) {
        Path config = null;
        try {
            config = Files.createTempFile("rootposture-allure-", ".yml");
            Files.writeString(config, CONFIG);
            return run(generateCommand(resultsDir, reportDir, reportName, config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Allure commandline's configuration " + config, e);
        } finally {
            if (config != null) {
                config.toFile().delete();
            }
        }
    }

    List<String> generateCommand(Path resultsDir, Path outputDir, String reportName, Path config) {
        return List.of(
                java.toString(),
                heap.jvmOption(),
                "-XX:+ExitOnOutOfMemoryError",
                "-cp", home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"),
                MAIN_CLASS,
                "generate", "--clean", "--single-file", "--config", config.toString(),
                "--name", reportName, "-o", outputDir.toString(), resultsDir.toString());
    }

    /**
     * Runs {@code command} with the analytics switched off and returns its combined output.
     *
     * @throws ReportException naming the command and its exit code when it fails or times out, or, when it ran out of
     *                         memory, the heap to raise
     */
    String run(List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("rootposture-allure-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.put("ALLURE_NO_ANALYTICS", "true");
            env.put("APP_HOME", home.toString());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new ReportException("Allure commandline did not finish within " + TIMEOUT.toMinutes()
                        + " minutes: " + display(command) + tail(read(output)));
            }
            String text = read(output);
            if (process.exitValue() != 0 && text.contains(OUT_OF_MEMORY)) {
                throw new ReportException("The Allure commandline ran out of memory in its " + heap + " heap; raise it with "
                        + "--allure-heap or the environment variable " + AllureHeap.ENVIRONMENT_VARIABLE + ", for example to "
                        + heap.doubled() + ".");
            }
            if (process.exitValue() != 0) {
                throw new ReportException("Allure commandline failed with exit code " + process.exitValue() + ": "
                        + display(command) + tail(text));
            }
            return text;
        } catch (IOException e) {
            throw new ReportException("Cannot run the Allure commandline: " + display(command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("Interrupted while running the Allure commandline: " + display(command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), Charset.defaultCharset());
    }

    private static String tail(String output) {
        List<String> lines = output.lines().collect(Collectors.toList());
        if (lines.isEmpty()) {
            return "\n(no output)";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size());
        return "\nOutput" + (tail.size() < lines.size() ? " (last " + tail.size() + " lines)" : "") + ":\n"
                + String.join("\n", tail);
    }

    static String display(List<String> command) {
        return command.stream()
                .map(arg -> arg.isEmpty() || arg.matches(".*[\\s\"'*$].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}
