package org.rootposture.runner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rootposture.allure.AllureHeap;
import org.rootposture.contract.Severity;
import org.rootposture.settings.Setting;

/**
 * The runner's command line, checked: every framework setting as {@code --NAME VALUE} (the {@code rootposture.NAME}
 * system property), plus the runner's own options. See {@link #usage()}.
 */
record RunnerOptions(Map<Setting, String> settings, Path output, List<Path> classpath, List<String> packages,
                     boolean builtIn, Severity failOn, boolean demo, Optional<Path> allureHome, boolean report,
                     Optional<Path> history, Optional<String> reportName, Optional<AllureHeap> allureHeap, int list) {

    static final Path DEFAULT_OUTPUT = Path.of("rootposture-output");

    private static final String RUNNER_OPTIONS = """
              --output DIR          where results go (default ./rootposture-output): DIR/allure-results,
                                    DIR/allure-report/index.html (the single-file report, open it from file://;
                                    summary.html and the compliance matrix beside it), DIR/allure-history (the trend
                                    history the next run reads; keep it between pipeline runs),
                                    DIR/junit (JUnit XML). A run replaces allure-results, junit and allure-report;
                                    a configuration error (exit code 3) leaves DIR as it was.
              --built-in            run the built-in CIS root catalogue (every built-in control). The default when
                                    no --classpath is given; with --classpath, add it to run both.
              --classpath PATH      a jar or directory of your posture test classes (compiled, with their own
                                    dependencies other than Root Posture and JUnit); repeatable, or several joined
                                    with '%s'. Without --select-package every test class in it runs.
              --select-package PKG  run only the test classes in this package (and its sub-packages); repeatable
              --list N              how many findings the summary lists, worst first, of those that decide the exit
                                    code and of those unable to assess (default 20); the rest are in the report
              --fail-on SEVERITY    critical|high|medium|low (default high): the least severe non-compliant result
                                    that makes the exit code 1
              --demo                run against the built-in demo lab: a local endpoint serving the demo organization
                                    (one verdict of each kind somewhere), started in this process for this run only. --demo is the only
                                    way the runner ever starts the lab (rootposture.lab is refused otherwise).
                                    Implies --targets organization unless --targets is given.
              --allure-home DIR     an unpacked io.qameta.allure:allure-commandline zip to use instead of the one
                                    inside this jar (which is unpacked once to ~/.cache/rootposture/, or
                                    $XDG_CACHE_HOME/rootposture/)
              --allure-heap SIZE    maximum heap of the Allure commandline's JVM that writes the report, as for
                                    java -Xmx: 1536m, 4g (default: $ROOTPOSTURE_ALLURE_HEAP, else 2g). The rest of the
                                    report is written in this JVM: give it more with java -Xmx... -jar
              --history DIR         the previous run's history folder, e.g. restored from a pipeline cache
                                    (default: DIR/allure-history of --output, else DIR/allure-report-site/history
                                    where an earlier version wrote it, if present)
              --name TITLE          the report's title
              --no-report           write Allure results and JUnit XML only (e.g. for shards; generate the report
                                    once from all shards' results with org.rootposture.allure.ReportGenerator)
              --help                print this help
            """;

    private static final String EXIT_CODES = """
            Exit codes:
              0  compliant: every result passed, not applicable or waived (or failed below --fail-on)
              1  non-compliant: a control FAILed at or above --fail-on
              2  unable to assess: some controls could not be assessed (broken), none failed at or above --fail-on
              3  configuration error: an unknown or wrong option or setting, waiver file, snapshot or Terraform
                 outputs, no credentials, no account left by the filters, an --output that cannot be written;
                 nothing was checked and --output is left as it was
            """;

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar rootposture-runner.jar [OPTIONS]

                Runs Root Posture controls against AWS accounts right after a deployment (terraform/tofu apply), with
                no Maven build: the built-in CIS root catalogue and/or your own posture test classes, on the JUnit
                Platform. Credentials come from the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID..., SSO,
                instance or pipeline OIDC roles). Settings are read as in a Maven run: these options, then -D
                rootposture.* system properties, ROOTPOSTURE_* environment variables and --settings-file.

                Runner options:
                """);
        text.append(RUNNER_OPTIONS.formatted(File.pathSeparator));
        text.append("\nSettings (each sets the rootposture.NAME setting; see the README's Settings table):\n");
        for (Setting setting : settingOptions()) {
            text.append(String.format(Locale.ROOT, "  --%-26s %s%n", name(setting) + " VALUE", setting.meaning()));
        }
        text.append('\n').append(EXIT_CODES);
        return text.toString();
    }

    /** Every framework setting the runner offers: all but {@code rootposture.lab}, which only {@code --demo} sets. */
    static List<Setting> settingOptions() {
        return Arrays.stream(Setting.values()).filter(s -> s != Setting.LAB).toList();
    }

    static String name(Setting setting) {
        return setting.option().substring("--".length());
    }

    static boolean isHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    static RunnerOptions parse(String... args) {
        Map<String, Setting> byOption = settingOptions().stream()
                .collect(Collectors.toMap(Setting::option, s -> s, (a, b) -> a, LinkedHashMap::new));
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        Path output = DEFAULT_OUTPUT;
        List<Path> classpath = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        boolean builtIn = false;
        Severity failOn = Severity.HIGH;
        int list = 20;
        boolean demo = false;
        Path allureHome = null;
        boolean report = true;
        Path history = null;
        String name = null;
        AllureHeap allureHeap = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = option.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
            switch (option) {
                case "--built-in" -> builtIn = true;
                case "--demo" -> demo = true;
                case "--no-report" -> report = false;
                default -> {
                    if (!option.startsWith("--")) {
                        throw new UsageException("unexpected argument '" + arg + "': options start with -- (see --help)");
                    }
                    String value;
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    } else {
                        throw new UsageException(known(option, byOption) ? option + " needs a value (see --help)"
                                : unknown(option));
                    }
                    switch (option) {
                        case "--output" -> output = path(option, value);
                        case "--classpath" -> {
                            for (String entry : value.split(File.pathSeparator)) {
                                if (!entry.isBlank()) {
                                    Path path = path(option, entry);
                                    if (!Files.exists(path)) {
                                        throw new UsageException("--classpath " + entry + ": no such jar or directory");
                                    }
                                    classpath.add(path.toAbsolutePath().normalize());
                                }
                            }
                        }
                        case "--select-package" -> packages.add(value.strip());
                        case "--fail-on" -> failOn = failOn(value);
                        case "--list" -> list = list(value);
                        case "--allure-home" -> allureHome = path(option, value);
                        case "--history" -> history = path(option, value);
                        case "--name" -> name = value;
                        case "--allure-heap" -> allureHeap = heap(option, value);
                        default -> {
                            Setting setting = byOption.get(option);
                            if (setting == null) {
                                throw new UsageException(unknown(option));
                            }
                            if (settings.put(setting, value) != null) {
                                throw new UsageException(option + " is given twice");
                            }
                        }
                    }
                }
            }
        }
        if (!packages.isEmpty() && classpath.isEmpty()) {
            throw new UsageException("--select-package needs --classpath: the jars or directories holding those classes");
        }
        return new RunnerOptions(settings, output, classpath, packages, builtIn || classpath.isEmpty(), failOn, demo,
                Optional.ofNullable(allureHome), report, Optional.ofNullable(history), Optional.ofNullable(name),
                Optional.ofNullable(allureHeap), list);
    }

    private static boolean known(String option, Map<String, Setting> byOption) {
        return byOption.containsKey(option) || List.of("--output", "--classpath", "--select-package", "--fail-on", "--list",
                "--allure-home", "--history", "--name", "--allure-heap").contains(option);
    }

    private static String unknown(String option) {
        if (option.equals("--lab")) {
            return "--lab is not an option: use --demo to run against the built-in demo lab";
        }
        return "unknown option " + option + " (java -jar rootposture-runner.jar --help lists them)";
    }

    private static int list(String value) {
        if (!value.strip().matches("\\d{1,6}")) {
            throw new UsageException("--list is '" + value + "', but it takes how many findings to list: a whole number, 0 or more");
        }
        return Integer.parseInt(value.strip());
    }

    private static Severity failOn(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on is '" + value + "', but it allows critical, high, medium or low");
        }
    }

    private static AllureHeap heap(String option, String value) {
        try {
            return AllureHeap.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " " + value + ": not a path: " + e.getMessage());
        }
    }
}
