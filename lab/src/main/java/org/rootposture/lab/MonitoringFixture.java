package org.rootposture.lab;

import java.util.List;
import java.util.Map;

/**
 * How an account watches its root user, region by region: the regions it has, CloudTrail trails and the root events in
 * their event history, the CIS chain of metric filter, alarm and SNS subscription, and AWS Config. Regional data must
 * lie in a region that {@code regions} lists as {@code ENABLED} or {@code ENABLED_BY_DEFAULT}; requests signed for a
 * {@code DISABLED} or {@code DISABLING} region are refused, requests signed for an unlisted region see no data.
 *
 * @param regions       region name to opt-in status: {@code ENABLED_BY_DEFAULT}, {@code ENABLED}, {@code ENABLING},
 *                      {@code DISABLING} or {@code DISABLED} (default {@code {"us-east-1": "ENABLED_BY_DEFAULT"}})
 * @param trails        the account's own CloudTrail trails
 * @param rootEvents    events of the root user in the account's CloudTrail event history
 * @param rootSessions  central root sessions that acted in this member account (their events are in its history, their
 *                      {@code AssumeRoot} calls in the management account's)
 * @param metricFilters CloudWatch Logs metric filters
 * @param alarms        CloudWatch metric alarms
 * @param topics        ARNs of SNS topics without subscriptions; topics with subscriptions need not be listed
 * @param subscriptions SNS subscriptions
 * @param config        AWS Config keyed by region name
 */
public record MonitoringFixture(
        Map<String, String> regions,
        List<TrailFixture> trails,
        List<RootEventFixture> rootEvents,
        List<RootSessionFixture> rootSessions,
        List<MetricFilterFixture> metricFilters,
        List<AlarmFixture> alarms,
        List<String> topics,
        List<SubscriptionFixture> subscriptions,
        Map<String, ConfigFixture> config) {

    static final Map<String, String> DEFAULT_REGIONS = Map.of("us-east-1", "ENABLED_BY_DEFAULT");
    static final MonitoringFixture NONE = new MonitoringFixture(null, null, null, null, null, null, null, null, null);

    public MonitoringFixture {
        regions = regions == null ? DEFAULT_REGIONS : Copies.mapWithoutNulls(regions);
        trails = Copies.list(trails);
        rootEvents = Copies.list(rootEvents);
        rootSessions = Copies.list(rootSessions);
        metricFilters = Copies.list(metricFilters);
        alarms = Copies.list(alarms);
        topics = Copies.list(topics);
        subscriptions = Copies.list(subscriptions);
        config = Copies.mapWithoutNulls(config);
    }

    /** Whether the account has this region enabled, by default or by opting in. */
    boolean enabled(String region) {
        String status = region == null ? null : regions.get(region);
        return "ENABLED".equals(status) || "ENABLED_BY_DEFAULT".equals(status);
    }

    /** Whether the account has opted out of this region or is opting out. */
    boolean disabled(String region) {
        String status = region == null ? null : regions.get(region);
        return "DISABLED".equals(status) || "DISABLING".equals(status);
    }
}
