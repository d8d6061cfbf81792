package org.rootposture.evidence;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a trail is logging ({@code cloudtrail:GetTrailStatus}), read once or, with {@code rootposture.await}, until
 * it logs or the wait ends.
 *
 * @param trailArn           the trail
 * @param logging            {@code IsLogging} of the last read
 * @param latestDeliveryTime when log files were last delivered, if ever
 * @param latestDeliveryError the last delivery error, if any
 * @param reads              how many times the status was read
 * @param awaited            how long the trail was waited for without starting to log, or {@code null} when it was read once
 *                           or logged before the wait ended
 * @param provenance         the calls that produced it
 */
public record TrailStatus(String trailArn, boolean logging, Instant latestDeliveryTime, String latestDeliveryError, int reads,
                          Duration awaited, Provenance provenance) implements Evidence {

    /** Whether the trail was waited for and still did not log. */
    public boolean stillPending() {
        return !logging && awaited != null;
    }
}
