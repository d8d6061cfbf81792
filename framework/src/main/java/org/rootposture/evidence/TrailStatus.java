package org.rootposture.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** The description of this record. */
    public static final EvidenceRecord<TrailStatus.Request, TrailStatus> RECORD = EvidenceRecord.of("monitoring.trailStatus", TrailStatus.class,
            request -> List.of(request.trail().arn()), "cloudtrail:GetTrailStatus");

    /**
     * A request for a trail's status.
     *
     * @param trail        the trail
     * @param awaitLogging how long a trail that is not logging yet may be waited for; empty: read once
     */
    public record Request(Trails.Trail trail, Optional<Duration> awaitLogging) { }

    /** Whether the trail was waited for and still did not log. */
    public boolean stillPending() {
        return !logging && awaited != null;
    }
}
