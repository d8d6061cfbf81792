package org.rootposture.internal.evidence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;
import org.rootposture.evidence.Evidence;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Evidence that is still settling (a credential report being generated, a trail starting to log, Config rules not
 * evaluated yet), read until it settles or the wait ends: with Awaitility, in the reading thread, at once and then
 * after 50 ms, doubling up to 5 s between reads.
 */
final class Polling {

    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    /**
     * The last value read, how many reads it took, and whether the wait ended before the value settled.
     *
     * @param value    the last value read
     * @param reads    how many times it was read
     * @param timedOut whether the wait ended first
     */
    record Settled<T>(T value, int reads, boolean timedOut) { }

    private Polling() {
    }

    /**
     * Reads once without a wait; with one, until the value is settled or the wait ends. A wait that ends before any
     * answer came is {@code operation} failing with Timeout.
     */
    static <T> Settled<T> settle(String operation, String what, Supplier<T> read, Predicate<T> settled, Optional<Duration> wait) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Supplier<Boolean> readAndCheck = () -> {
            T value = read.get();
            last.set(value);
            reads.incrementAndGet();
            return settled.test(value);
        };
        if (wait.isEmpty()) {
            readAndCheck.get();
            return new Settled<>(last.get(), reads.get(), false);
        }
        try {
            await(what)
                    .atMost(wait.get())
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(IterativePollInterval.iterative(Polling::backOff, FIRST_POLL))
                    .until(readAndCheck::get);
            return new Settled<>(last.get(), reads.get(), false);
        } catch (ConditionTimeoutException e) {
            if (last.get() == null) {
                throw new EvidenceUnavailableException(operation, "Timeout", "no answer while waiting for " + what + " within " + wait.get());
            }
            return new Settled<>(last.get(), reads.get(), true);
        }
    }

    private static Duration backOff(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : doubled;
    }
}
