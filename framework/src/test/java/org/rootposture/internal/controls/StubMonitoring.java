package org.rootposture.internal.controls;

import static org.rootposture.internal.controls.StubEvidence.READ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rootposture.evidence.ConfigRecorders;
import org.rootposture.evidence.ConfigRuleCompliance;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.evidence.GuardDutyAdministrator;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.evidence.RootSessionsOpened;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;

/** Monitoring evidence built in memory for decision tests; anything left unset is unreadable (AccessDenied). */
final class StubMonitoring implements MonitoringEvidence {

    private final StubRecords records = new StubRecords();
    final List<Optional<Duration>> awaitsAsked = new ArrayList<>();

    StubMonitoring trails(Trails.Trail... list) {
        return put(Trails.RECORD, null, new Trails("us-east-1", List.of(list), READ));
    }

    StubMonitoring status(String trailArn, TrailStatus status) {
        return put(TrailStatus.RECORD, new TrailStatus.Request(trail(trailArn), Optional.empty()), status);
    }

    StubMonitoring selectors(String trailArn, TrailEventSelectors trailSelectors) {
        return put(TrailEventSelectors.RECORD, trail(trailArn), trailSelectors);
    }

    StubMonitoring activity(RootActivity rootActivity) {
        return put(RootActivity.RECORD, rootActivity.region(), rootActivity);
    }

    StubMonitoring opened(RootSessionsOpened sessions) {
        return put(RootSessionsOpened.RECORD, sessions.region(), sessions);
    }

    StubMonitoring filters(MetricFilters metricFilters) {
        return put(MetricFilters.RECORD, new MetricFilters.LogGroup(metricFilters.region(), metricFilters.logGroupName()), metricFilters);
    }

    StubMonitoring alarms(MetricAlarms metricAlarms) {
        return put(MetricAlarms.RECORD, new MetricAlarms.OfMetric(metricAlarms.region(), metricAlarms.metric()), metricAlarms);
    }

    StubMonitoring subscriptions(TopicSubscriptions topicSubscriptions) {
        return put(TopicSubscriptions.RECORD, topicSubscriptions.topicArn(), topicSubscriptions);
    }

    StubMonitoring recorders(ConfigRecorders configRecorders) {
        return put(ConfigRecorders.RECORD, configRecorders.region(), configRecorders);
    }

    StubMonitoring rules(ConfigRules.Rule... list) {
        return put(ConfigRules.RECORD, null, new ConfigRules("us-east-1", List.of(list), READ));
    }

    /** The compliance of whichever rules are asked for. */
    StubMonitoring compliance(ConfigRuleCompliance ruleCompliance) {
        return put(ConfigRuleCompliance.RECORD, null, ruleCompliance);
    }

    StubMonitoring detectors(String region, GuardDutyDetectors.Detector... detectors) {
        return put(GuardDutyDetectors.RECORD, region, new GuardDutyDetectors(region, List.of(detectors), READ));
    }

    StubMonitoring administrator(String region, String detectorId, String accountId, String relationship) {
        return put(GuardDutyAdministrator.RECORD, new GuardDutyAdministrator.OfDetector(region, detectorId),
                new GuardDutyAdministrator(region, detectorId, accountId, relationship, READ));
    }

    StubMonitoring eventRules(String region, RootFindingRules.Rule... rules) {
        return put(RootFindingRules.RECORD, region, new RootFindingRules(region, "{\"source\": \"aws.guardduty\"}", List.of(rules), READ));
    }

    /** Any record, by its description. */
    <K, T extends Evidence> StubMonitoring put(EvidenceRecord<K, T> record, K request, T value) {
        records.put(record, request, () -> value);
        return this;
    }

    @Override
    public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        if (request instanceof TrailStatus.Request status) {
            awaitsAsked.add(status.awaitLogging());
        } else if (request instanceof ConfigRuleCompliance.Request compliance) {
            awaitsAsked.add(compliance.awaitEvaluation());
        }
        return records.read(record, request);
    }

    private static Trails.Trail trail(String arn) {
        return new Trails.Trail("", arn, null, false, false, null);
    }
}
