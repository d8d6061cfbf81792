package org.rootposture.internal.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.Catalogue;

/**
 * Shows a long run's progress on the console: at most every five seconds a line such as
 * <pre>
 * Root Posture: 1,200 of 20,000 posture checks · 340 accounts · 12 non-compliant · 3 unable to assess
 * </pre>
 * and a summary when the run ends, its verdicts counted as every other part of Root Posture counts them
 * ({@link ReportVerdict#ofJUnit}). Counts only posture checks, the invocations of {@link ForEachAccount} methods
 * (built-in control annotations included). The total is known once a posture method has run on every account: a
 * method checks every account once, or, for a per-region control, once per enabled region of each account, the same
 * for every per-region control. Until then the line says "so far", or "of at least" while no per-region control has
 * finished. Registered with the JUnit Platform launcher through {@code META-INF/services}; prints nothing in a run
 * without posture tests. Each event costs a few map lookups, so it does not slow the run.
 */
public final class ProgressListener implements TestExecutionListener {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String INVOCATION = "test-template-invocation";
    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final Map<String, Boolean> postureMethods = new ConcurrentHashMap<>();
    private final Map<String, Boolean> perRegionMethods = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> checksByMethod = new ConcurrentHashMap<>();
    private final Set<String> finishedMethods = ConcurrentHashMap.newKeySet();
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger checks = new AtomicInteger();
    private final Tally tally = new Tally();
    private final AtomicLong lastPrint = new AtomicLong();
    private volatile TestPlan plan;
    private volatile long started;

    public ProgressListener() {
        this(System.out, System::nanoTime, INTERVAL);
    }

    ProgressListener(PrintStream out, LongSupplier nanoTime, Duration interval) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = nanoTime.getAsLong();
        lastPrint.set(started);
        testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .filter(this::isPostureMethod)
                .forEach(method -> perRegionMethods.put(method.getUniqueId(), perRegion(method)));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) {
            if (isPostureMethod(identifier)) {
                finishedMethods.add(identifier.getUniqueId());
            }
            return;
        }
        Optional<String> method = postureMethodOf(identifier);
        if (method.isEmpty()) {
            return;
        }
        checksByMethod.computeIfAbsent(method.get(), id -> new AtomicInteger()).incrementAndGet();
        account(identifier.getDisplayName()).ifPresent(accounts::add);
        tally.add(ReportVerdict.ofJUnit(result.getStatus().name(), result.getThrowable().orElse(null)));
        checks.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastPrint.get();
        if (now - last >= intervalNanos && lastPrint.compareAndSet(last, now)) {
            out.println(progress());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (checks.get() > 0) {
            out.println(summary(Duration.ofNanos(nanoTime.getAsLong() - started)));
        }
    }

    String progress() {
        return String.format(Locale.US, "Root Posture: %s · %,d accounts · %,d non-compliant · %,d unable to assess",
                checksOfTotal(), accounts.size(), tally.count(ReportVerdict.FAIL), tally.count(ReportVerdict.UNABLE_TO_ASSESS));
    }

    String summary(Duration elapsed) {
        return String.format(Locale.US, "Root Posture: %,d posture checks of %,d accounts in %s: %s",
                checks.get(), accounts.size(), format(elapsed), tally.verdicts());
    }

    /**
     * The checks done and the run's total: {@code 21 of 185 posture checks}, {@code 21 of at least 165 posture checks}
     * while a per-region control is still to finish for the first time, {@code 12 posture checks so far} until a posture
     * method has run on every account.
     */
    private String checksOfTotal() {
        int done = checks.get();
        Map<Boolean, Integer> perMethod = new HashMap<>();
        int finishedChecks = 0;
        for (String method : finishedMethods) {
            int count = checksOf(method);
            finishedChecks += count;
            perMethod.merge(perRegionMethods.getOrDefault(method, false), count, Math::max);
        }
        if (perMethod.isEmpty()) {
            return String.format(Locale.US, "%,d posture checks so far", done);
        }
        perMethod.putIfAbsent(false, accounts.size());
        boolean atLeast = false;
        long total = finishedChecks;
        for (Map.Entry<String, Boolean> method : perRegionMethods.entrySet()) {
            if (!finishedMethods.contains(method.getKey())) {
                atLeast |= !perMethod.containsKey(method.getValue());
                total += Math.max(perMethod.getOrDefault(method.getValue(), perMethod.get(false)), checksOf(method.getKey()));
            }
        }
        return String.format(Locale.US, "%,d of %s%,d posture checks", done, atLeast ? "at least " : "", total);
    }

    private int checksOf(String method) {
        AtomicInteger count = checksByMethod.get(method);
        return count == null ? 0 : count.get();
    }

    /** Whether the method is a per-region built-in control, whose checks are one per enabled region of each account. */
    private static boolean perRegion(TestIdentifier method) {
        try {
            return method.getSource()
                    .map(source -> ((MethodSource) source).getJavaMethod())
                    .stream()
                    .flatMap(javaMethod -> Arrays.stream(javaMethod.getAnnotations()))
                    .map(annotation -> annotation.annotationType().getAnnotation(Evaluates.class))
                    .filter(Objects::nonNull)
                    .anyMatch(evaluates -> Catalogue.byId(evaluates.value()).map(BuiltInControl::perRegion).orElse(false));
        } catch (RuntimeException classNotLoadable) {
            return false;
        }
    }

    private Optional<String> postureMethodOf(TestIdentifier invocation) {
        Optional<UniqueId.Segment> last = Optional.of(invocation.getUniqueIdObject().getLastSegment());
        if (!last.map(segment -> segment.getType().equals(INVOCATION)).orElse(false)) {
            return Optional.empty();
        }
        TestPlan current = plan;
        Optional<String> parentId = invocation.getParentId();
        if (current == null || parentId.isEmpty()) {
            return Optional.empty();
        }
        boolean posture = postureMethods.computeIfAbsent(parentId.get(),
                id -> current.getParent(invocation).map(this::annotatedForEachAccount).orElse(false));
        return posture ? parentId : Optional.empty();
    }

    private boolean isPostureMethod(TestIdentifier identifier) {
        return identifier.isContainer() && identifier.getSource().filter(MethodSource.class::isInstance).isPresent()
                && postureMethods.computeIfAbsent(identifier.getUniqueId(), id -> annotatedForEachAccount(identifier));
    }

    private boolean annotatedForEachAccount(TestIdentifier identifier) {
        try {
            return identifier.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(source -> ((MethodSource) source).getJavaMethod())
                    .map(method -> AnnotationSupport.isAnnotated(method, ForEachAccount.class))
                    .orElse(false);
        } catch (RuntimeException classNotLoadable) {
            return false;
        }
    }

    private static Optional<String> account(String displayName) {
        Matcher id = ACCOUNT_ID.matcher(displayName);
        return id.find() ? Optional.of(id.group()) : Optional.empty();
    }

    private static String format(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return seconds < 60 ? String.format(Locale.US, "%.1f s", elapsed.toMillis() / 1000.0)
                : String.format(Locale.US, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
