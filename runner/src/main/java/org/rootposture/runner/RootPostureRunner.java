package org.rootposture.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.allure.Arguments;
import org.rootposture.allure.ReportException;
import org.rootposture.allure.ReportGenerator;
import org.rootposture.contract.ExitCode;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.Tally;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.internal.evidence.EvidenceSnapshot;
import org.rootposture.internal.evidence.SnapshotException;
import org.rootposture.internal.session.NoCredentialsException;
import org.rootposture.internal.targets.TargetResolver;
import org.rootposture.internal.waivers.Waivers;
import org.rootposture.lab.DemoLab;
import org.rootposture.settings.Setting;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsException;
import org.rootposture.settings.SettingsReader;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

/**
 * The post-deploy pipeline stage: {@code java -jar rootposture-runner.jar [OPTIONS]} runs the built-in catalogue
 * ({@link BuiltInCatalogue}) and/or posture classes from given jars or directories on the JUnit Platform Launcher,
 * writes Allure results, the single-file report and JUnit XML into {@code --output}, prints a summary and exits with
 * {@value #COMPLIANT} compliant, {@value #NON_COMPLIANT} non-compliant at or above {@code --fail-on},
 * {@value #UNABLE_TO_ASSESS} unable to assess, {@value #CONFIGURATION_ERROR} configuration error. See
 * {@link RunnerOptions#usage()}.
 */
public final class RootPostureRunner {

    public static final int COMPLIANT = 0;
    public static final int NON_COMPLIANT = 1;
    public static final int UNABLE_TO_ASSESS = 2;
    public static final int CONFIGURATION_ERROR = 3;

    static final String SNAPSHOT_COPY = "evidence-snapshot.json";

    private static final String WITHOUT_AWS = "(--demo shows Root Posture without AWS, against a built-in demo organization.)";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    RootPostureRunner(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command line in this JVM and returns the exit code; system properties are restored afterwards. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (RunnerOptions.isHelp(args)) {
            out.println(RunnerOptions.usage());
            return COMPLIANT;
        }
        Properties saved = (Properties) System.getProperties().clone();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        AllureLifecycle allure = Allure.getLifecycle();
        try {
            return new RootPostureRunner(environment, out, err).run(RunnerOptions.parse(args));
        } catch (UsageException e) {
            err.println("Root Posture runner: configuration error: " + e.getMessage());
            return CONFIGURATION_ERROR;
        } catch (SettingsException | SnapshotException e) {
            err.println("Root Posture runner: configuration error: " + sentence(e));
            return CONFIGURATION_ERROR;
        } finally {
            Thread.currentThread().setContextClassLoader(context);
            Allure.setLifecycle(allure);
            System.setProperties(saved);
        }
    }

    private int run(RunnerOptions options) {
        Instant started = Instant.now();
        refuseLabOutsideDemo(options);
        Map<Setting, String> commandLine = commandLine(options);
        Settings settings = check(options, commandLine);
        try (OutputFolder output = OutputFolder.open(options.output())) {
            runPostureTests(options, commandLine, output);
            output.publish();
            List<PostureResult> outcomes = PostureResults.read(output.results());
            int exit = ExitCode.of(outcomes, options.failOn()).code();
            Optional<Snapshot> snapshot = Snapshot.of(settings);
            Optional<String> report = Optional.empty();
            if (options.report()) {
                report = Optional.of(report(options, output.folder(), snapshot));
            }
            summary(options, outcomes, exit, output.folder(), snapshot, report, Duration.between(started, Instant.now()));
            return exit;
        }
    }

    private void refuseLabOutsideDemo(RunnerOptions options) {
        if (!options.demo() && (System.getProperty(Setting.LAB.property()) != null || environment.get(Setting.LAB.environmentVariable()) != null)) {
            throw new UsageException("rootposture.lab (or ROOTPOSTURE_LAB) is set, but the runner starts the demo lab only"
                    + " with --demo; unset it to run against AWS");
        }
    }

    /**
     * The settings of the command line, with what the run implies: --demo checks the demo organization in the demo
     * lab, and a replay judges in the recorded run's region unless told otherwise, so that it needs no AWS configuration.
     */
    private Map<Setting, String> commandLine(RunnerOptions options) {
        Map<Setting, String> commandLine = new EnumMap<>(options.settings());
        if (options.demo()) {
            commandLine.put(Setting.LAB, DemoLab.DEMO);
            if (!given(Setting.TARGETS, commandLine)) {
                commandLine.put(Setting.TARGETS, "organization");
            }
        }
        Optional<String> replay = Optional.ofNullable(commandLine.get(Setting.REPLAY))
                .or(() -> Optional.ofNullable(System.getProperty(Setting.REPLAY.property())))
                .or(() -> Optional.ofNullable(environment.get(Setting.REPLAY.environmentVariable())));
        if (replay.isPresent() && !given(Setting.REGION, commandLine)) {
            commandLine.put(Setting.REGION, EvidenceSnapshot.read(Path.of(replay.get())).region());
        }
        return commandLine;
    }

    private boolean given(Setting setting, Map<Setting, String> commandLine) {
        return commandLine.containsKey(setting) || System.getProperty(setting.property()) != null
                || environment.get(setting.environmentVariable()) != null;
    }

    /**
     * Reads the settings, the waiver file, a snapshot to replay and the Terraform outputs as the run will, so that a
     * wrong one stops here, before the demo lab starts, any AWS call or any file written.
     */
    private Settings check(RunnerOptions options, Map<Setting, String> commandLine) {
        Settings settings = SettingsReader.fromCommandLine(commandLine, environment);
        Waivers.load(settings.waivers(), Clock.systemUTC());
        settings.replay().ifPresent(EvidenceSnapshot::read);
        TargetResolver.check(settings);
        return settings;
    }

    /** Runs the posture tests on the JUnit Platform, writing into the output's staging folder; stops on a configuration error. */
    private void runPostureTests(RunnerOptions options, Map<Setting, String> commandLine, OutputFolder output) {
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(output.stagedResults())));
        AtomicReference<Throwable> configurationFailure = new AtomicReference<>();
        try (URLClassLoader userClasses = classLoader(options.classpath())) {
            Thread.currentThread().setContextClassLoader(userClasses);
            LauncherConfig config = LauncherConfig.builder().enableLauncherSessionListenerAutoRegistration(false).build();
            try (LauncherSession session = LauncherFactory.openSession(config)) {
                Launcher launcher = session.getLauncher();
                LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectors(options))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
                commandLine.forEach((setting, value) -> request.configurationParameter(setting.option(), value));
                TestPlan plan = launcher.discover(request.build());
                if (!plan.containsTests()) {
                    throw new UsageException("no posture tests found in " + describe(options)
                            + ": are they JUnit 5 test classes (e.g. @RootPosture with control annotations)?");
                }
                out.println("Root Posture runner: running the posture tests of " + describe(options));
                launcher.execute(plan, new JUnitXml(output.stagedJunit()),
                        configurationFailures(configurationFailure));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (configurationFailure.get() != null) {
            throw new UsageException(sentence(configurationFailure.get()), configurationFailure.get());
        }
    }

    /** The sentence a configuration error is reported with: the framework's own, and how to try Root Posture without AWS. */
    private static String sentence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoCredentialsException || cause instanceof SettingsException settings && settings.awsNotConfigured()) {
                return cause.getMessage() + " " + WITHOUT_AWS;
            }
            if (cause instanceof SettingsException || cause instanceof SnapshotException) {
                return cause.getMessage();
            }
        }
        return failure.getMessage();
    }

    /** The evidence snapshot the run recorded or replayed, copied beside the report, and named in the report's Environment. */
    private record Snapshot(Path file, boolean replayed) {

        static Optional<Snapshot> of(Settings settings) {
            return settings.replay().map(file -> new Snapshot(file, true))
                    .or(() -> settings.record().map(file -> new Snapshot(file, false)))
                    .filter(snapshot -> Files.isRegularFile(snapshot.file()));
        }
    }

    private static List<DiscoverySelector> selectors(RunnerOptions options) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (options.builtIn()) {
            selectors.add(selectClass(BuiltInCatalogue.class));
        }
        if (!options.classpath().isEmpty()) {
            if (options.packages().isEmpty()) {
                selectors.addAll(selectClasspathRoots(new HashSet<>(options.classpath())));
            } else {
                options.packages().forEach(p -> selectors.add(selectPackage(p)));
            }
        }
        return selectors;
    }

    private static String describe(RunnerOptions options) {
        List<String> parts = new ArrayList<>();
        if (options.builtIn()) {
            parts.add("the built-in catalogue");
        }
        if (!options.classpath().isEmpty()) {
            parts.add((options.packages().isEmpty() ? "" : "packages " + options.packages() + " of ") + options.classpath());
        }
        return String.join(" and ", parts);
    }

    private static URLClassLoader classLoader(List<Path> classpath) {
        URL[] urls = classpath.stream().map(path -> {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UsageException("--classpath " + path + ": " + e.getMessage());
            }
        }).toArray(URL[]::new);
        return new URLClassLoader("rootposture-classpath", urls, RootPostureRunner.class.getClassLoader());
    }

    /** Remembers why a run could not start (settings, or the accounts to check). */
    private static TestExecutionListener configurationFailures(AtomicReference<Throwable> failure) {
        return new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                result.getThrowable()
                        .filter(ExtensionConfigurationException.class::isInstance)
                        .filter(thrown -> thrown.getMessage() != null && thrown.getMessage().startsWith("Root Posture "))
                        .ifPresent(thrown -> failure.compareAndSet(null, thrown));
            }
        };
    }

    private String report(RunnerOptions options, Path output, Optional<Snapshot> snapshot) {
        Path allureHome = options.allureHome().orElseGet(() -> EmbeddedAllure.home(EmbeddedAllure.cacheDirectory(environment)));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Runner", "rootposture-runner " + describe(options) + (options.demo() ? " (demo lab)" : ""));
        snapshot.ifPresent(used -> rows.put(used.replayed() ? "Evidence replayed from" : "Evidence recorded to",
                used.file().getFileName() + " (sha256 " + sha256(used.file()) + "), copied beside this report as " + SNAPSHOT_COPY));
        Arguments arguments = new Arguments(output.resolve(OutputFolder.RESULTS), output.resolve(OutputFolder.REPORT), allureHome, rows,
                options.reportName().orElse(Arguments.DEFAULT_REPORT_NAME), options.history(), options.allureHeap());
        try {
            String line = new ReportGenerator(environment, Clock.systemUTC(), out).generate(arguments);
            if (snapshot.isPresent()) {
                Files.copy(snapshot.get().file(), arguments.report().resolve(SNAPSHOT_COPY), StandardCopyOption.REPLACE_EXISTING);
            }
            return line;
        } catch (IOException e) {
            throw new UsageException("the evidence snapshot could not be copied beside the report: " + e.getMessage(), e);
        } catch (ReportException | UncheckedIOException e) {
            throw new UsageException("the report could not be generated: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new UsageException("cannot read the evidence snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private void summary(RunnerOptions options, List<PostureResult> outcomes, int exit, Path output, Optional<Snapshot> snapshot,
                         Optional<String> report, Duration took) {
        out.println();
        Findings.lines(outcomes, options.failOn(), options.list()).forEach(out::println);
        out.println("  Allure results: " + output.resolve("allure-results"));
        out.println("  JUnit XML:      " + output.resolve("junit"));
        snapshot.ifPresent(used -> out.println("  Evidence snapshot: " + used.file().toAbsolutePath()
                + (used.replayed() ? " (replayed, no AWS call made)" : " (recorded)")));
        report.ifPresent(line -> out.println("  " + line));
        out.println("  exit code " + exit + " (" + switch (exit) {
            case COMPLIANT -> "compliant";
            case NON_COMPLIANT -> "non-compliant";
            default -> "unable to assess";
        } + "), in " + took.toSeconds() + " s");
    }
}
