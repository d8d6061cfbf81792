package org.rootposture.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.rootposture.lab.protocol.LabError;

/** The lab's token buckets, one per limit and scope key, and the throttling error each service answers with. */
final class RateLimiter {

    private static final String RATE_EXCEEDED = "Rate exceeded";
    private static final String ORGANIZATIONS_MESSAGE = "You have sent too many requests in too short a period of time. "
            + "The quota helps protect against denial-of-service attacks. Try again later.";

    private final List<RateLimit> limits;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(List<RateLimit> limits, LongSupplier nanoTime) {
        this.limits = List.copyOf(limits);
        this.nanoTime = nanoTime;
    }

    /** Takes a token for the request, or returns the error that throttles it. */
    Optional<LabError> admit(String name, String accountId, String region, Optional<String> organizationId) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        RateLimit limit = limitFor(name);
        if (limit == null) {
            return Optional.empty();
        }
        String key = limit.operation() + "|" + switch (limit.scope()) {
            case ACCOUNT -> accountId;
            case ACCOUNT_REGION -> accountId + "|" + region;
            case ORGANIZATION -> organizationId.orElse(accountId);
        };
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, nanoTime.getAsLong()));
        return bucket.take(nanoTime.getAsLong()) ? Optional.empty() : Optional.of(throttled(name));
    }

    private RateLimit limitFor(String name) {
        RateLimit serviceLimit = null;
        for (RateLimit limit : limits) {
            if (limit.covers(name)) {
                if (limit.isOperation()) {
                    return limit;
                }
                serviceLimit = serviceLimit == null ? limit : serviceLimit;
            }
        }
        return serviceLimit;
    }

    static LabError throttled(String name) {
        String service = name.substring(0, name.indexOf(':'));
        return switch (service) {
            case "organizations" -> new LabError(400, "TooManyRequestsException", ORGANIZATIONS_MESSAGE);
            case "account" -> new LabError(429, "TooManyRequestsException", RATE_EXCEEDED);
            case "sns" -> new LabError(429, "Throttled", RATE_EXCEEDED);
            case "cloudtrail", "logs", "config" -> new LabError(400, "ThrottlingException", RATE_EXCEEDED);
            default -> new LabError(400, "Throttling", RATE_EXCEEDED);
        };
    }

    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimit limit, long now) {
            this.capacity = limit.burst();
            this.perNano = limit.perSecond() / 1e9;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
