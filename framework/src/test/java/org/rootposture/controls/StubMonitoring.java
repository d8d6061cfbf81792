package org.rootposture.controls;

import static org.rootposture.controls.StubEvidence.READ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rootposture.evidence.ConfigRecorders;
import org.rootposture.evidence.ConfigRuleCompliance;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootSessionsOpened;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;
import org.rootposture.session.EvidenceUnavailableException;

/** Monitoring evidence built in memory for decision tests; anything left unset is unreadable (AccessDenied). */
final class StubMonitoring implements MonitoringEvidence {

    private Trails trails;
    private final Map<String, TrailStatus> statuses = new HashMap<>();
    private final Map<String, TrailEventSelectors> selectors = new HashMap<>();
    private final Map<String, RootActivity> activity = new HashMap<>();
    private final Map<String, RootSessionsOpened> opened = new HashMap<>();
    private final Map<String, MetricFilters> filters = new HashMap<>();
    private final Map<String, MetricAlarms> alarms = new HashMap<>();
    private final Map<String, TopicSubscriptions> subscriptions = new HashMap<>();
    private final Map<String, ConfigRecorders> recorders = new HashMap<>();
    private ConfigRules rules;
    private ConfigRuleCompliance compliance;
    final List<Optional<Duration>> awaitsAsked = new ArrayList<>();

    StubMonitoring trails(Trails.Trail... list) {
        trails = new Trails("us-east-1", List.of(list), READ);
        return this;
    }

    StubMonitoring status(String trailArn, TrailStatus status) {
        statuses.put(trailArn, status);
        return this;
    }

    StubMonitoring selectors(String trailArn, TrailEventSelectors trailSelectors) {
        selectors.put(trailArn, trailSelectors);
        return this;
    }

    StubMonitoring activity(RootActivity rootActivity) {
        activity.put(rootActivity.region(), rootActivity);
        return this;
    }

    StubMonitoring opened(RootSessionsOpened sessions) {
        opened.put(sessions.region(), sessions);
        return this;
    }

    StubMonitoring filters(MetricFilters metricFilters) {
        filters.put(metricFilters.region() + "|" + metricFilters.logGroupName(), metricFilters);
        return this;
    }

    StubMonitoring alarms(MetricAlarms metricAlarms) {
        alarms.put(metricAlarms.region() + "|" + metricAlarms.metric(), metricAlarms);
        return this;
    }

    StubMonitoring subscriptions(TopicSubscriptions topicSubscriptions) {
        subscriptions.put(topicSubscriptions.topicArn(), topicSubscriptions);
        return this;
    }

    StubMonitoring recorders(ConfigRecorders configRecorders) {
        recorders.put(configRecorders.region(), configRecorders);
        return this;
    }

    StubMonitoring rules(ConfigRules.Rule... list) {
        rules = new ConfigRules("us-east-1", List.of(list), READ);
        return this;
    }

    StubMonitoring compliance(ConfigRuleCompliance ruleCompliance) {
        compliance = ruleCompliance;
        return this;
    }

    @Override
    public Trails trails() {
        return orDenied(trails, "cloudtrail:DescribeTrails");
    }

    @Override
    public TrailStatus trailStatus(Trails.Trail trail, Optional<Duration> awaitLogging) {
        awaitsAsked.add(awaitLogging);
        return orDenied(statuses.get(trail.arn()), "cloudtrail:GetTrailStatus");
    }

    @Override
    public TrailEventSelectors eventSelectors(Trails.Trail trail) {
        return orDenied(selectors.get(trail.arn()), "cloudtrail:GetEventSelectors");
    }

    @Override
    public RootActivity rootActivity(String region) {
        return orDenied(activity.get(region), "cloudtrail:LookupEvents");
    }

    @Override
    public RootSessionsOpened rootSessionsOpened(String region) {
        return orDenied(opened.get(region), "cloudtrail:LookupEvents");
    }

    @Override
    public MetricFilters metricFilters(String region, String logGroupName) {
        return orDenied(filters.get(region + "|" + logGroupName), "logs:DescribeMetricFilters");
    }

    @Override
    public MetricAlarms alarms(String region, MetricFilters.Metric metric) {
        return orDenied(alarms.get(region + "|" + metric), "cloudwatch:DescribeAlarmsForMetric");
    }

    @Override
    public TopicSubscriptions subscriptions(String topicArn) {
        return orDenied(subscriptions.get(topicArn), "sns:ListSubscriptionsByTopic");
    }

    @Override
    public ConfigRecorders configRecorders(String region) {
        return orDenied(recorders.get(region), "config:DescribeConfigurationRecorders");
    }

    @Override
    public ConfigRules configRules() {
        return orDenied(rules, "config:DescribeConfigRules");
    }

    @Override
    public ConfigRuleCompliance configRuleCompliance(List<String> ruleNames, Optional<Duration> awaitEvaluation) {
        awaitsAsked.add(awaitEvaluation);
        return orDenied(compliance, "config:DescribeComplianceByConfigRule");
    }

    private static <T> T orDenied(T value, String operation) {
        if (value == null) {
            throw new EvidenceUnavailableException(operation, "AccessDenied", "not authorized (HTTP 403)");
        }
        return value;
    }
}
