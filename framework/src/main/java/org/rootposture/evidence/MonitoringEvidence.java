package org.rootposture.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The evidence about how an account watches its root user: CloudTrail, the CIS alarm chain (metric filter, alarm, SNS
 * subscription), AWS Config, and GuardDuty with the EventBridge rules that pass its findings on. Each method returns a record or throws {@link EvidenceUnavailableException}; a live
 * implementation reads each record at most once per run (per region, trail, log group, metric or topic).
 */
@FunctionalInterface
public interface MonitoringEvidence {

    /** The record that the description and request name. */
    <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request);

    /** The trails visible in the run's region, shadow trails included. */
    default Trails trails() {
        return read(Trails.RECORD, null);
    }

    /**
     * Whether the trail is logging; with a wait, re-read with back-off until it logs or the wait ends.
     *
     * @param awaitLogging how long a trail that is not logging yet may be waited for; empty: read once
     */
    default TrailStatus trailStatus(Trails.Trail trail, Optional<Duration> awaitLogging) {
        return read(TrailStatus.RECORD, new TrailStatus.Request(trail, awaitLogging));
    }

    default TrailEventSelectors eventSelectors(Trails.Trail trail) {
        return read(TrailEventSelectors.RECORD, trail);
    }

    /** The root user's events in the region's CloudTrail event history (the last 90 days). */
    default RootActivity rootActivity(String region) {
        return read(RootActivity.RECORD, region);
    }

    /** The central root sessions this account (a management account) opened, from the region's event history (the last 90 days). */
    default RootSessionsOpened rootSessionsOpened(String region) {
        return read(RootSessionsOpened.RECORD, region);
    }

    default MetricFilters metricFilters(String region, String logGroupName) {
        return read(MetricFilters.RECORD, new MetricFilters.LogGroup(region, logGroupName));
    }

    default MetricAlarms alarms(String region, MetricFilters.Metric metric) {
        return read(MetricAlarms.RECORD, new MetricAlarms.OfMetric(region, metric));
    }

    default TopicSubscriptions subscriptions(String topicArn) {
        return read(TopicSubscriptions.RECORD, topicArn);
    }

    default ConfigRecorders configRecorders(String region) {
        return read(ConfigRecorders.RECORD, region);
    }

    /** The Config rules in the run's region. */
    default ConfigRules configRules() {
        return read(ConfigRules.RECORD, null);
    }

    /** The GuardDuty detectors of a region; none where GuardDuty is off. */
    default GuardDutyDetectors guardDutyDetectors(String region) {
        return read(GuardDutyDetectors.RECORD, region);
    }

    /** The administrator account that receives a detector's findings, if any. */
    default GuardDutyAdministrator guardDutyAdministrator(String region, String detectorId) {
        return read(GuardDutyAdministrator.RECORD, new GuardDutyAdministrator.OfDetector(region, detectorId));
    }

    /** The rules of a region's default event bus, each tested by EventBridge against a GuardDuty root credential usage finding. */
    default RootFindingRules rootFindingRules(String region) {
        return read(RootFindingRules.RECORD, region);
    }

    /**
     * The compliance of these rules in the run's region; with a wait, re-read with back-off until none is
     * INSUFFICIENT_DATA or the wait ends.
     *
     * @param awaitEvaluation how long rules Config has not evaluated yet may be waited for; empty: read once
     */
    default ConfigRuleCompliance configRuleCompliance(List<String> ruleNames, Optional<Duration> awaitEvaluation) {
        return read(ConfigRuleCompliance.RECORD, new ConfigRuleCompliance.Request(ruleNames, awaitEvaluation));
    }
}
