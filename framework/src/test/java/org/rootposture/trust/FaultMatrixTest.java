package org.rootposture.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.rootposture.lab.fixture.Fault.Kind.EMPTY;
import static org.rootposture.lab.fixture.Fault.Kind.MALFORMED;
import static org.rootposture.lab.fixture.Fault.Kind.RESET;
import static org.rootposture.lab.fixture.Fault.Kind.TIMEOUT;
import static org.rootposture.lab.fixture.Fault.error;
import static org.rootposture.lab.fixture.Fault.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.rootposture.LabRun;
import org.rootposture.UnableToAssessException;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Fixture;

/**
 * Every operation of the audit policy × every way AWS can fail, injected into the lab for one account, with the
 * whole catalogue run through the extension and the real SDK over HTTP: what changes compared with a fault-free
 * run is UNABLE_TO_ASSESS naming the operation and the error, nothing else changes, and nothing becomes a pass. The
 * matrix is printed and written to {@code target/fault-matrix.md}.
 */
class FaultMatrixTest {

    private static final String MANAGEMENT = "111111111111";
    private static final String MEMBER = "777777777777";

    /** A fault: its column name, the lab's fault for an operation, what the verdict's sentence must contain, and settings of its own. */
    record Fault(String name, Function<String, org.rootposture.lab.fixture.Fault> injected, String named, Map<String, String> settings) {

        Fault(String name, Function<String, org.rootposture.lab.fixture.Fault> injected, String named) {
            this(name, injected, named, Map.of());
        }
    }

    static final List<Fault> FAULTS = List.of(
            new Fault("AccessDenied", operation -> error(operation, "AccessDenied"), "AccessDenied"),
            // adaptive retries back off (and slow the whole client) after throttling: with the matrix's 1-second call
            // timeout the sentence would say Timeout instead of Throttling, so this column allows the back-off its time
            new Fault("throttled", operation -> error(operation, "Throttling"), "Throttling",
                    Map.of("rootposture.call-timeout", "PT10S", "rootposture.credential-report-timeout", "PT10S")),
            new Fault("HTTP 500", operation -> error(operation, "InternalFailure").status(500), "InternalFailure"),
            new Fault("HTTP 503", operation -> error(operation, "ServiceUnavailable").status(503), "ServiceUnavailable"),
            new Fault("reset", operation -> wire(operation, RESET), "ClientError"),
            new Fault("timeout", operation -> wire(operation, TIMEOUT), "Timeout"),
            new Fault("malformed", operation -> wire(operation, MALFORMED), "failed with"),
            new Fault("empty", operation -> wire(operation, EMPTY), "failed with"));

    /**
     * The two ways a run is set up: the organization (two accounts, tags read, one region, root sessions opened, a day
     * root access was revoked) and the caller alone (its enabled regions read).
     */
    private static final List<Map<String, String>> SETUPS = List.of(
            Map.of("rootposture.targets", "organization", "rootposture.include-accounts", MANAGEMENT + "," + MEMBER,
                    "rootposture.exclude-tags", "rootposture-never=set", "rootposture.regions", "us-east-1", "rootposture.root-sessions", "true",
                    "rootposture.root-access-revoked-on", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString()),
            Map.of("rootposture.targets", "caller"));

    /** Operations that decide which accounts to check: when one fails, the run stops before any account, saying so. */
    private static final Set<String> TARGETING = Set.of("sts:GetCallerIdentity", "organizations:ListAccounts", "organizations:ListTagsForResource");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private static final Map<String, String> FAST = Map.of(
            "rootposture.max-attempts", "2",
            "rootposture.call-timeout", "PT3S",
            "rootposture.credential-report-timeout", "PT3S");

    @Test
    void everyOperationUnderEveryFaultFailsClosed() throws IOException {
        List<Map<String, String>> baselines = new ArrayList<>();
        List<Map<String, Map<String, Integer>>> served = new ArrayList<>();
        for (Map<String, String> setup : SETUPS) {
            Run run = run(DemoOrganization.fixture(), setup);
            run.verdicts().values().stream().filter(verdict -> verdict.contains("failed with Timeout")).findFirst()
                    .ifPresent(slow -> { throw new IllegalStateException("the fault-free baseline timed out; the machine is too slow: " + slow); });
            baselines.add(run.verdicts());
            served.add(run.calls());
        }
        Map<String, Map<String, String>> matrix = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String operation : operations()) {
            Optional<Integer> setupIndex = setupServing(served, operation);
            Map<String, String> row = new LinkedHashMap<>();
            matrix.put(operation, row);
            if (setupIndex.isEmpty()) {
                problems.add(operation + " is never called by the catalogue");
                continue;
            }
            int index = setupIndex.get();
            String account = served.get(index).getOrDefault(MEMBER, Map.of()).containsKey(labName(operation)) ? MEMBER : MANAGEMENT;
            for (Fault fault : FAULTS) {
                long started = System.nanoTime();
                Map<String, String> setup = new LinkedHashMap<>(SETUPS.get(index));
                setup.putAll(fault.settings());
                Run run = run(DemoOrganization.builder().account(account, faulty -> faulty.fault(fault.injected().apply(labName(operation)))).build(),
                        setup);
                System.out.printf("fault matrix: %s / %s in %d ms%n", operation, fault.name(), (System.nanoTime() - started) / 1_000_000);
                row.put(fault.name(), TARGETING.contains(operation) ? stopped(operation, fault, run, problems)
                        : outcome(operation, fault, baselines.get(index), run, problems));
            }
        }
        String table = table(matrix);
        System.out.println(table);
        Path out = Path.of("target", "fault-matrix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Fault matrix\n\nOperation × fault → verdicts that changed compared with a fault-free run "
                + "(u = UNABLE_TO_ASSESS naming the operation and the error; stopped = the accounts to check could not be determined, "
                + "so every posture test failed before any account with a sentence naming the operation and the error). Demo organization, accounts " + MANAGEMENT + " and "
                + MEMBER + ", one region, 2 attempts, call timeout PT3S.\n\n" + table);
        assertThat(problems).isEmpty();
    }

    /**
     * Every operation of the described evidence records and of the run (which the policy equals) in CI ({@code CI=true}, as {@code .ci/run} sets it) or with {@code -Dfault-matrix=full}
     * (about ten minutes; not a {@code rootposture.*} property, which the run would refuse as an unknown setting);
     * elsewhere one operation of each wire protocol, which keeps a developer's build fast.
     */
    private static Set<String> operations() {
        if ("full".equals(System.getProperty("fault-matrix")) || "true".equals(System.getenv("CI"))) {
            return DescribedRecords.operations();
        }
        return new TreeSet<>(DEFAULT_OPERATIONS);
    }

    /** IAM (Query, XML), Account (REST-JSON) and Organizations (AWS JSON). */
    private static final Set<String> DEFAULT_OPERATIONS = Set.of("iam:GetAccountSummary", "account:GetAlternateContact", "organizations:ListTargetsForPolicy");

    private static String stopped(String operation, Fault fault, Run run, List<String> problems) {
        if (!run.verdicts().isEmpty()) {
            problems.add(operation + " / " + fault.name() + ": the run went on without knowing its accounts: " + run.verdicts().keySet());
        }
        if (run.stops().isEmpty()) {
            problems.add(operation + " / " + fault.name() + ": no posture test failed");
        }
        run.stops().stream().filter(stop -> !stop.contains(operation) || !stop.contains(fault.named())).findFirst()
                .ifPresent(stop -> problems.add(operation + " / " + fault.name() + ": the stop does not name the operation and the error: " + stop));
        return "stopped";
    }

    private static String outcome(String operation, Fault fault, Map<String, String> baseline, Run run, List<String> problems) {
        int unable = 0;
        for (Map.Entry<String, String> entry : baseline.entrySet()) {
            String now = Optional.ofNullable(run.verdicts().get(entry.getKey())).orElse(run.verdicts().get(withoutRegion(entry.getKey())));
            String before = entry.getValue();
            if (now == null) {
                problems.add(operation + " / " + fault.name() + ": " + entry.getKey() + " did not run");
            } else if (!now.equals(before)) {
                if (!now.startsWith("UNABLE_TO_ASSESS")) {
                    problems.add(operation + " / " + fault.name() + ": " + entry.getKey() + " went from " + before + " to " + now);
                } else if (!now.contains(operation) || !now.contains(fault.named())) {
                    problems.add(operation + " / " + fault.name() + ": " + entry.getKey() + " does not name the operation and the error: " + now);
                } else {
                    unable++;
                }
            }
            if (now != null && now.startsWith("PASS") && !before.startsWith("PASS")) {
                problems.add(operation + " / " + fault.name() + ": " + entry.getKey() + " became a PASS");
            }
        }
        return unable == 0 ? "unchanged" : unable + " u";
    }

    private static String table(Map<String, Map<String, String>> matrix) {
        StringBuilder table = new StringBuilder("| operation |");
        FAULTS.forEach(fault -> table.append(' ').append(fault.name()).append(" |"));
        table.append("\n|---|");
        FAULTS.forEach(fault -> table.append("---|"));
        matrix.forEach((operation, row) -> {
            table.append("\n| `").append(operation).append("` |");
            FAULTS.forEach(fault -> table.append(' ').append(row.getOrDefault(fault.name(), "not called")).append(" |"));
        });
        return table.append('\n').toString();
    }

    private static Optional<Integer> setupServing(List<Map<String, Map<String, Integer>>> served, String operation) {
        for (int i = 0; i < served.size(); i++) {
            for (Map<String, Integer> byOperation : served.get(i).values()) {
                if (byOperation.containsKey(labName(operation))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** The lab names operations by SigV4 signing name: CloudWatch signs as {@code monitoring}. */
    private static String labName(String action) {
        return action.replaceFirst("^cloudwatch:", "monitoring:");
    }

    /**
     * One run: each invocation's verdict, the messages of posture tests that failed before any invocation, and the
     * calls the lab served per account and operation.
     */
    record Run(Map<String, String> verdicts, List<String> stops, Map<String, Map<String, Integer>> calls) { }

    private static Run run(Fixture fixture, Map<String, String> setup) {
        Map<String, String> settings = new LinkedHashMap<>(FAST);
        settings.putAll(setup);
        try (LabRun lab = LabRun.of(fixture, settings)) {
            Map<String, String> verdicts = new TreeMap<>();
            EngineExecutionResults results = lab.engine().selectors(selectClass(BuiltInCatalogue.class)).execute();
            results.testEvents().stream().filter(event -> event.getType() == EventType.FINISHED)
                    .forEach(event -> verdicts.put(key(event), verdict(event)));
            List<String> stops = results.containerEvents().stream()
                    .filter(event -> event.getType() == EventType.FINISHED && event.getTestDescriptor().getSource().filter(MethodSource.class::isInstance).isPresent())
                    .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                    .filter(result -> result.getStatus() == TestExecutionResult.Status.FAILED)
                    .map(result -> result.getThrowable().map(Throwable::getMessage).orElse("failed without a message"))
                    .toList();
            return new Run(verdicts, stops, lab.lab().calls());
        }
    }

    /** The method and the invocation's account id and region, without the account's name (read from a call that may fail). */
    private static String key(Event event) {
        String method = event.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName()).orElse("?");
        List<String> parts = List.of(event.getTestDescriptor().getDisplayName().split(" · "));
        String region = parts.size() > 1 && REGION.matcher(parts.get(parts.size() - 1)).matches() ? " · " + parts.get(parts.size() - 1) : "";
        return method + " [" + parts.get(0) + region + "]";
    }

    /** Where the regions could not be read, a per-region control runs once for the account, without a region. */
    private static String withoutRegion(String key) {
        return key.replaceFirst(" · [^\\]]+]$", "]");
    }

    private static String verdict(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        Throwable thrown = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "PASS";
            case ABORTED -> "NOT_APPLICABLE";
            case FAILED -> thrown instanceof UnableToAssessException ? "UNABLE_TO_ASSESS: " + thrown.getMessage()
                    : thrown instanceof AssertionError ? "FAIL" : "CRASH " + thrown;
        };
    }

}
