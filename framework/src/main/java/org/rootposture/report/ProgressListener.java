package org.rootposture.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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
import org.rootposture.ForEachAccount;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * Shows a long run's progress on the console: at most every five seconds a line such as
 * <pre>
 * Root Posture: 1,200/~20,000 posture checks · 340 accounts · 12 non-compliant · 3 unable to assess
 * </pre>
 * and a summary when the run ends, its verdicts counted as every other part of Root Posture counts them
 * ({@link ReportVerdict#ofJUnit}). Counts only posture checks, the invocations of {@link ForEachAccount} methods
 * (built-in control annotations included); the total is estimated ({@code ~}) until every posture method has expanded
 * into its accounts. Registered with the JUnit Platform launcher through {@code META-INF/services}; prints nothing in
 * a run without posture tests. Each event costs a few map lookups, so it does not slow the run.
 */
public final class ProgressListener implements TestExecutionListener {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String INVOCATION = "test-template-invocation";
    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final Map<String, Boolean> postureMethods = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> checksByMethod = new ConcurrentHashMap<>();
    private final Set<String> finishedMethods = ConcurrentHashMap.newKeySet();
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger checks = new AtomicInteger();
    private final Tally tally = new Tally();
    private final AtomicLong lastPrint = new AtomicLong();
    private volatile TestPlan plan;
    private volatile int methods;
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
        methods = (int) testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .filter(this::isPostureMethod)
                .count();
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
        return String.format(Locale.US, "Root Posture: %,d/%s posture checks · %,d accounts · %,d non-compliant · %,d unable to assess",
                checks.get(), total(), accounts.size(), tally.count(ReportVerdict.FAIL), tally.count(ReportVerdict.UNABLE_TO_ASSESS));
    }

    String summary(Duration elapsed) {
        return String.format(Locale.US, "Root Posture: %,d posture checks of %,d accounts in %s: %s",
                checks.get(), accounts.size(), format(elapsed), tally.verdicts());
    }

    /** The number of posture checks of the whole run: exact once every posture method has run, estimated before. */
    private String total() {
        int finished = 0;
        int finishedChecks = 0;
        int runningChecks = 0;
        for (Map.Entry<String, AtomicInteger> method : checksByMethod.entrySet()) {
            if (finishedMethods.contains(method.getKey())) {
                finished++;
                finishedChecks += method.getValue().get();
            } else {
                runningChecks += method.getValue().get();
            }
        }
        int remaining = methods - finished;
        if (remaining <= 0) {
            return String.format(Locale.US, "%,d", finishedChecks + runningChecks);
        }
        if (finished == 0) {
            return "?";
        }
        double perMethod = (double) finishedChecks / finished;
        long estimate = finishedChecks + Math.round(Math.max(remaining * perMethod, runningChecks + (remaining - 1) * perMethod));
        return String.format(Locale.US, "~%,d", estimate);
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
