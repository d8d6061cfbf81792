package org.rootposture.internal.controls;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a decision needs besides evidence.
 *
 * @param now         the instant to judge "recent" against
 * @param usageWindow root use within this window fails {@code root.usage.none-recent}
 * @param region      the region a per-region control is judged in
 * @param await       how long evidence that is still settling may be waited for ({@code rootposture.await}); empty: read once
 */
public record EvaluationContext(Instant now, Duration usageWindow, Optional<String> region, Optional<Duration> await) {

    public EvaluationContext(Instant now, Duration usageWindow) {
        this(now, usageWindow, Optional.empty(), Optional.empty());
    }

    public EvaluationContext withUsageWindow(Duration window) {
        return new EvaluationContext(now, window, region, await);
    }

    public EvaluationContext withRegion(String inRegion) {
        return new EvaluationContext(now, usageWindow, Optional.of(inRegion), await);
    }

    public EvaluationContext withAwait(Optional<Duration> wait) {
        return new EvaluationContext(now, usageWindow, region, wait);
    }

    /** The region of a per-region control; an error for a control that is not judged per region. */
    public String requiredRegion() {
        return region.orElseThrow(() -> new IllegalStateException("a per-region control was evaluated without a region"));
    }
}
