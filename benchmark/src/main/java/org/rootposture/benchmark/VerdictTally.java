package org.rootposture.benchmark;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * Counts the tests of one launcher run by verdict, the way every part of Root Posture counts them
 * ({@link ReportVerdict#ofJUnit}), and among those unable to assess, the ones whose message names throttling. Also
 * times each test method, all its invocations together.
 */
final class VerdictTally implements TestExecutionListener {

    private static final Pattern THROTTLING = Pattern.compile("Throttl|TooManyRequests|Rate exceeded|rate limit", Pattern.CASE_INSENSITIVE);

    private final Tally tally = new Tally();
    private final AtomicInteger unableThrottled = new AtomicInteger();
    private final Map<String, Integer> unableReasons = new TreeMap<>();

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Double> methodSeconds = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        if (isMethod(test)) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    private static boolean isMethod(TestIdentifier test) {
        return test.isContainer() && test.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            tally.add(ReportVerdict.NOT_APPLICABLE);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            Long start = started.remove(test.getUniqueId());
            if (start != null) {
                methodSeconds.put(((MethodSource) test.getSource().orElseThrow()).getMethodName(), (System.nanoTime() - start) / 1e9);
            }
            return;
        }
        Optional<Throwable> thrown = result.getThrowable();
        ReportVerdict verdict = ReportVerdict.ofJUnit(result.getStatus().name(), thrown.orElse(null));
        tally.add(verdict);
        if (verdict == ReportVerdict.UNABLE_TO_ASSESS) {
            String message = thrown.map(Throwable::toString).orElse("(no exception)");
            if (THROTTLING.matcher(message).find()) {
                unableThrottled.incrementAndGet();
            }
            synchronized (unableReasons) {
                unableReasons.merge(shorten(message), 1, Integer::sum);
            }
        }
    }

    private static String shorten(String message) {
        String digitsHidden = message.replaceAll("\\d{12}", "<account>");
        return digitsHidden.length() > 160 ? digitsHidden.substring(0, 160) + "…" : digitsHidden;
    }

    Verdicts verdicts() {
        synchronized (unableReasons) {
            return new Verdicts(tally, unableThrottled.get(), Map.copyOf(unableReasons), Map.copyOf(methodSeconds));
        }
    }

    /** Test outcomes of one run by verdict, and how long each test method took (all its invocations). */
    record Verdicts(Tally tally, int unableThrottled, Map<String, Integer> unableReasons, Map<String, Double> methodSeconds) {

        int total() {
            return tally.total();
        }

        int unable() {
            return tally.count(ReportVerdict.UNABLE_TO_ASSESS);
        }
    }
}
