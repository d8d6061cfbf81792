package org.rootposture.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.rootposture.session.EvidenceUnavailableException;

/**
 * The evidence about how an account watches its root user: CloudTrail, the CIS alarm chain (metric filter, alarm, SNS
 * subscription) and AWS Config. Each method returns a record or throws {@link EvidenceUnavailableException}; a live
 * implementation reads each record at most once per run (per region, trail, log group, metric or topic).
 */
public interface MonitoringEvidence {

    /** The trails visible in the run's region, shadow trails included. */
    Trails trails();

    /**
     * Whether the trail is logging; with a wait, re-read with back-off until it logs or the wait ends.
     *
     * @param awaitLogging how long a trail that is not logging yet may be waited for; empty: read once
     */
    TrailStatus trailStatus(Trails.Trail trail, Optional<Duration> awaitLogging);

    TrailEventSelectors eventSelectors(Trails.Trail trail);

    /** The root user's events in the region's CloudTrail event history (the last 90 days). */
    RootActivity rootActivity(String region);

    /** The central root sessions this account (a management account) opened, from the region's event history (the last 90 days). */
    RootSessionsOpened rootSessionsOpened(String region);

    MetricFilters metricFilters(String region, String logGroupName);

    MetricAlarms alarms(String region, MetricFilters.Metric metric);

    TopicSubscriptions subscriptions(String topicArn);

    ConfigRecorders configRecorders(String region);

    /** The Config rules in the run's region. */
    ConfigRules configRules();

    /**
     * The compliance of these rules in the run's region; with a wait, re-read with back-off until none is
     * INSUFFICIENT_DATA or the wait ends.
     *
     * @param awaitEvaluation how long rules Config has not evaluated yet may be waited for; empty: read once
     */
    ConfigRuleCompliance configRuleCompliance(List<String> ruleNames, Optional<Duration> awaitEvaluation);
}
