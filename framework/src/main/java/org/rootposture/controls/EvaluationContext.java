package org.rootposture.controls;

import java.time.Duration;
import java.time.Instant;

/**
 * What a decision needs besides evidence.
 *
 * @param now         the instant to judge "recent" against
 * @param usageWindow root use within this window fails {@code root.usage.none-recent}
 */
public record EvaluationContext(Instant now, Duration usageWindow) {

    public EvaluationContext withUsageWindow(Duration window) {
        return new EvaluationContext(now, window);
    }
}
