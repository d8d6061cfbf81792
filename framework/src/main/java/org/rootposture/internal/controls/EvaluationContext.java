package org.rootposture.internal.controls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a decision needs besides evidence.
 *
 * @param now                 the instant to judge "recent" against
 * @param usageWindow         root use within this window fails {@code root.usage.none-recent}
 * @param region              the region a per-region control is judged in
 * @param await               how long evidence that is still settling may be waited for ({@code rootposture.await}); empty: read once
 * @param rootEmailDomains    the organization's mail domains, lower case ({@code rootposture.root-email-domains}); empty: none given
 * @param rootAccessRevokedOn the day someone's access to the root user was last revoked ({@code rootposture.root-access-revoked-on})
 */
public record EvaluationContext(Instant now, Duration usageWindow, Optional<String> region, Optional<Duration> await,
                                List<String> rootEmailDomains, Optional<LocalDate> rootAccessRevokedOn) {

    public EvaluationContext {
        rootEmailDomains = List.copyOf(rootEmailDomains);
    }

    public EvaluationContext(Instant now, Duration usageWindow) {
        this(now, usageWindow, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** The same context judged at another instant. */
    public EvaluationContext at(Instant instant) {
        return new EvaluationContext(instant, usageWindow, region, await, rootEmailDomains, rootAccessRevokedOn);
    }

    public EvaluationContext withUsageWindow(Duration window) {
        return new EvaluationContext(now, window, region, await, rootEmailDomains, rootAccessRevokedOn);
    }

    public EvaluationContext withRegion(String inRegion) {
        return new EvaluationContext(now, usageWindow, Optional.of(inRegion), await, rootEmailDomains, rootAccessRevokedOn);
    }

    public EvaluationContext withAwait(Optional<Duration> wait) {
        return new EvaluationContext(now, usageWindow, region, wait, rootEmailDomains, rootAccessRevokedOn);
    }

    public EvaluationContext withRootEmailDomains(List<String> domains) {
        return new EvaluationContext(now, usageWindow, region, await, domains, rootAccessRevokedOn);
    }

    public EvaluationContext withRootAccessRevokedOn(Optional<LocalDate> day) {
        return new EvaluationContext(now, usageWindow, region, await, rootEmailDomains, day);
    }

    /** The region of a per-region control; an error for a control that is not judged per region. */
    public String requiredRegion() {
        return region.orElseThrow(() -> new IllegalStateException("a per-region control was evaluated without a region"));
    }
}
