package org.rootposture.lab;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a lab behaves beyond its fixture.
 *
 * @param latency    fixed delay added to every response, e.g. to make benchmarks show the effect of network latency
 * @param rateLimits request rates the lab enforces, answering with each service's throttling error beyond them
 *                   (default none; {@link RateLimit#awsDefaults()} for AWS-like limits)
 */
public record LabOptions(Duration latency, List<RateLimit> rateLimits) {

    public LabOptions {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        rateLimits = List.copyOf(Objects.requireNonNull(rateLimits, "rateLimits"));
    }

    /** Options with the given latency and no rate limits. */
    public LabOptions(Duration latency) {
        this(latency, List.of());
    }

    /** No added latency, no rate limits. */
    public static LabOptions defaults() {
        return new LabOptions(Duration.ZERO);
    }

    /** These options with the given fixed delay added to every response. */
    public LabOptions withLatency(Duration latency) {
        return new LabOptions(latency, rateLimits);
    }

    /** These options with the given request rates enforced, e.g. {@link RateLimit#awsDefaults()}. */
    public LabOptions withRateLimits(List<RateLimit> rateLimits) {
        return new LabOptions(latency, rateLimits);
    }
}
