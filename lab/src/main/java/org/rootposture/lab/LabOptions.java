package org.rootposture.lab;

import java.time.Duration;
import java.util.Objects;

/**
 * How a lab behaves beyond its fixture.
 *
 * @param latency fixed delay added to every response, e.g. to make benchmarks show the effect of network latency
 */
public record LabOptions(Duration latency) {

    public LabOptions {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
    }

    /** No added latency. */
    public static LabOptions defaults() {
        return new LabOptions(Duration.ZERO);
    }

    /** These options with the given fixed delay added to every response. */
    public LabOptions withLatency(Duration latency) {
        return new LabOptions(latency);
    }
}
