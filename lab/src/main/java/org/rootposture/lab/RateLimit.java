package org.rootposture.lab;

import java.util.List;
import java.util.Objects;

/**
 * A request rate the lab enforces as AWS does, with a token bucket: {@code burst} requests at once, refilled at
 * {@code perSecond}. A request beyond it is answered with the service's own throttling error ({@code Throttling} for
 * IAM, STS and CloudWatch, {@code TooManyRequestsException} for Organizations and Account Management,
 * {@code ThrottlingException} for CloudTrail, CloudWatch Logs and Config, {@code Throttled} for SNS) and counted in
 * {@link Lab#throttles()}. An operation's own limit replaces its service's.
 *
 * <pre>{@code
 * Lab.start(fixture, LabOptions.defaults().withRateLimits(RateLimit.awsDefaults()));
 * Lab.start(fixture, LabOptions.defaults().withRateLimits(List.of(new RateLimit("iam", RateLimit.Scope.ACCOUNT, 20, 20))));
 * }</pre>
 *
 * @param operation {@code service} (as in the SigV4 scope: {@code iam}, {@code organizations}, {@code monitoring}, …)
 *                  or {@code service:Operation} such as {@code cloudtrail:LookupEvents}
 * @param scope     who shares one bucket
 * @param perSecond sustained requests per second, more than 0
 * @param burst     requests the bucket holds, at least 1
 */
public record RateLimit(String operation, Scope scope, double perSecond, int burst) {

    /** Who shares one bucket. */
    public enum Scope {
        /** each calling account */
        ACCOUNT,
        /** each calling account in each region */
        ACCOUNT_REGION,
        /** every account of the fixture's organization together (each account where there is none) */
        ORGANIZATION
    }

    public RateLimit {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(scope, "scope");
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a positive number: " + perSecond + " (" + operation + ")");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst + " (" + operation + ")");
        }
    }

    /**
     * Limits close to AWS's defaults for the operations Root Posture reads: Organizations 5 requests/s for the whole
     * organization (burst 10); IAM 20/s per account; STS 600/s per account and region; Account Management
     * GetAlternateContact 10/s (burst 15) and ListRegions 5/s per account; CloudTrail LookupEvents 2/s and its other
     * reads 10/s per account and region; CloudWatch Logs DescribeMetricFilters 5/s; CloudWatch 9/s; SNS
     * ListSubscriptionsByTopic 30/s; Config 10/s, each per account and region.
     */
    public static List<RateLimit> awsDefaults() {
        return List.of(
                new RateLimit("organizations", Scope.ORGANIZATION, 5, 10),
                new RateLimit("iam", Scope.ACCOUNT, 20, 20),
                new RateLimit("sts", Scope.ACCOUNT_REGION, 600, 600),
                new RateLimit("account:GetAlternateContact", Scope.ACCOUNT, 10, 15),
                new RateLimit("account:ListRegions", Scope.ACCOUNT, 5, 5),
                new RateLimit("cloudtrail:LookupEvents", Scope.ACCOUNT_REGION, 2, 2),
                new RateLimit("cloudtrail", Scope.ACCOUNT_REGION, 10, 10),
                new RateLimit("logs:DescribeMetricFilters", Scope.ACCOUNT_REGION, 5, 5),
                new RateLimit("monitoring", Scope.ACCOUNT_REGION, 9, 9),
                new RateLimit("sns:ListSubscriptionsByTopic", Scope.ACCOUNT_REGION, 30, 30),
                new RateLimit("config", Scope.ACCOUNT_REGION, 10, 10));
    }

    boolean covers(String name) {
        return name.equals(operation) || name.startsWith(operation + ":");
    }

    boolean isOperation() {
        return operation.indexOf(':') >= 0;
    }
}
