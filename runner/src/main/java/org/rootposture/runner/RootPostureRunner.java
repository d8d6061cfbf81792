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
import java.util.HexFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.rootposture.allure.Arguments;
import org.rootposture.allure.ReportException;
import org.rootposture.allure.ReportGenerator;
import org.rootposture.contract.ExitCode;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.Tally;
import org.rootposture.evidence.EvidenceSnapshot;
import org.rootposture.lab.DemoLabSession;
import org.rootposture.runner.catalogue.BuiltInCatalogue;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;
import org.rootposture.waivers.Waivers;

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

    private static final Pattern SECRET_PROPERTY = Pattern.compile(
            "\\s*<property name=\"[^\"]*(?i:secret|token|password|accesskey|credential)[^\"]*\" value=\"[^\"]*\"/>(\\R)?");

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
        } finally {
            Thread.currentThread().setContextClassLoader(context);
            Allure.setLifecycle(allure);
            System.setProperties(saved);
        }
    }

    private int run(RunnerOptions options) {
        Instant started = Instant.now();
        refuseLabOutsideDemo(options);
        options.settings().forEach(System::setProperty);
        if (options.demo()) {
            System.setProperty(DemoLabSession.PROPERTY, DemoLabSession.DEMO);
            if (System.getProperty("rootposture.targets") == null && environment.get("ROOTPOSTURE_TARGETS") == null) {
                System.setProperty("rootposture.targets", "organization");
            }
        }
        replayDefaults();
        Path output = options.output().toAbsolutePath().normalize();
        Path results = output.resolve("allure-results");
        Path junit = output.resolve("junit");
        prepare(results, junit);
        System.setProperty("allure.results.directory", results.toString());
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));

        try (URLClassLoader userClasses = classLoader(options.classpath())) {
            Thread.currentThread().setContextClassLoader(userClasses);
            LauncherConfig.Builder config = LauncherConfig.builder().enableLauncherSessionListenerAutoRegistration(false);
            if (options.demo()) {
                config.addLauncherSessionListeners(new DemoLabSession());
            }
            AtomicReference<String> configurationFailure = new AtomicReference<>();
            try (LauncherSession session = LauncherFactory.openSession(config.build())) {
                checkSettings();
                Launcher launcher = session.getLauncher();
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectors(options))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                        .build();
                TestPlan plan = launcher.discover(request);
                if (!plan.containsTests()) {
                    throw new UsageException("no posture tests found in " + describe(options)
                            + ": are they JUnit 5 test classes (e.g. @RootPosture with control annotations)?");
                }
                out.println("Root Posture runner: running the posture tests of " + describe(options));
                launcher.execute(plan, new LegacyXmlReportGeneratingListener(junit, new PrintWriter(err, true)),
                        configurationFailures(configurationFailure));
            }
            scrubJunitXml(junit);
            if (configurationFailure.get() != null) {
                throw new UsageException(configurationFailure.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<PostureResult> outcomes = PostureResults.read(results);
        int exit = ExitCode.of(outcomes, options.failOn()).code();
        Optional<String> report = Optional.empty();
        if (options.report()) {
            report = Optional.of(report(options, output, results));
        }
        summary(options, outcomes, exit, output, report, Duration.between(started, Instant.now()));
        return exit;
    }

    private void refuseLabOutsideDemo(RunnerOptions options) {
        if (!options.demo() && (System.getProperty(DemoLabSession.PROPERTY) != null || environment.get("ROOTPOSTURE_LAB") != null)) {
            throw new UsageException("rootposture.lab (or ROOTPOSTURE_LAB) is set, but the runner starts the demo lab only"
                    + " with --demo; unset it to run against AWS");
        }
    }

    /**
     * Reads the settings, the waiver file and a snapshot to replay as the run will, so that a wrong one stops here,
     * before any AWS call.
     */
    private static void checkSettings() {
        try {
            Settings settings = SettingsReader.fromEnvironment();
            Waivers.load(settings.waivers(), Clock.systemUTC());
            settings.replay().ifPresent(EvidenceSnapshot::read);
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** A replay judges in the recorded run's region unless told otherwise, so that it needs no AWS configuration. */
    private void replayDefaults() {
        String replay = Optional.ofNullable(System.getProperty("rootposture.replay")).orElse(environment.get("ROOTPOSTURE_REPLAY"));
        if (replay != null && System.getProperty("rootposture.region") == null && environment.get("ROOTPOSTURE_REGION") == null) {
            try {
                System.setProperty("rootposture.region", EvidenceSnapshot.read(Path.of(replay)).region());
            } catch (RuntimeException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
    }

    /** The snapshot recorded or replayed, copied beside the report, and named in the report's Environment. */
    private static Optional<Path> snapshot() {
        return Optional.ofNullable(System.getProperty("rootposture.record")).or(() -> Optional.ofNullable(System.getProperty("rootposture.replay")))
                .map(Path::of).filter(Files::isRegularFile);
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

    /** Remembers the sentence of a run that could not start (settings, or the accounts to check). */
    private static TestExecutionListener configurationFailures(AtomicReference<String> failure) {
        return new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                result.getThrowable()
                        .filter(ExtensionConfigurationException.class::isInstance)
                        .map(Throwable::getMessage)
                        .filter(message -> message != null && message.startsWith("Root Posture "))
                        .ifPresent(message -> failure.compareAndSet(null, message));
            }
        };
    }

    private static void prepare(Path results, Path junit) {
        try {
            EmbeddedAllure.delete(results);
            EmbeddedAllure.delete(junit);
            Files.createDirectories(results);
            Files.createDirectories(junit);
        } catch (IOException e) {
            throw new UsageException("--output: cannot prepare " + results.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** JUnit XML lists the JVM's system properties; none that holds a credential (the demo lab's, say) is kept. */
    static void scrubJunitXml(Path junit) throws IOException {
        try (Stream<Path> files = Files.list(junit)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String xml = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(file, SECRET_PROPERTY.matcher(xml).replaceAll(""), StandardCharsets.UTF_8);
            }
        }
    }

    private String report(RunnerOptions options, Path output, Path results) {
        Path allureHome = options.allureHome().orElseGet(() -> EmbeddedAllure.home(EmbeddedAllure.cacheDirectory(environment)));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Runner", "rootposture-runner " + describe(options) + (options.demo() ? " (demo lab)" : ""));
        snapshot().ifPresent(file -> rows.put(System.getProperty("rootposture.replay") != null ? "Evidence replayed from" : "Evidence recorded to",
                file.getFileName() + " (sha256 " + sha256(file) + "), copied beside this report as " + SNAPSHOT_COPY));
        Arguments arguments = new Arguments(results, output.resolve("allure-report"), allureHome, rows,
                options.reportName().orElse(Arguments.DEFAULT_REPORT_NAME), options.history());
        try {
            String line = new ReportGenerator(environment, Clock.systemUTC(), out).generate(arguments);
            Optional<Path> snapshot = snapshot();
            if (snapshot.isPresent()) {
                Files.copy(snapshot.get(), arguments.report().resolve(SNAPSHOT_COPY), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(snapshot.get(), arguments.site().resolve(SNAPSHOT_COPY), StandardCopyOption.REPLACE_EXISTING);
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

    private void summary(RunnerOptions options, List<PostureResult> outcomes, int exit, Path output, Optional<String> report, Duration took) {
        out.println();
        out.println("Root Posture runner: " + Tally.of(outcomes));
        out.println("  non-compliant at or above --fail-on " + options.failOn().word() + ": "
                + outcomes.stream().filter(result -> ExitCode.decides(result, options.failOn())).count());
        out.println("  Allure results: " + output.resolve("allure-results"));
        out.println("  JUnit XML:      " + output.resolve("junit"));
        snapshot().ifPresent(file -> out.println("  Evidence snapshot: " + file.toAbsolutePath()
                + (System.getProperty("rootposture.replay") != null ? " (replayed, no AWS call made)" : " (recorded)")));
        report.ifPresent(line -> out.println("  " + line));
        out.println("  exit code " + exit + " (" + switch (exit) {
            case COMPLIANT -> "compliant";
            case NON_COMPLIANT -> "non-compliant";
            default -> "unable to assess";
        } + "), in " + took.toSeconds() + " s");
    }
}
