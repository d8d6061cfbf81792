package org.rootposture.internal.evidence;

import static org.rootposture.internal.session.AwsCalls.call;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.internal.redaction.Redactor;
import org.rootposture.internal.session.AwsClients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rootposture.evidence.AccountIdentity;
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
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.evidence.RootSessionsOpened;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;
import org.rootposture.internal.session.EvidenceUnavailableException;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Reads an account's monitoring evidence through the AWS SDK, lazily and at most once per record: per region for the
 * event history, Config recorders, GuardDuty detectors and EventBridge rules, per trail, log group, metric and topic
 * for the alarm chain. Regional reads go
 * through the account's clients in that region; a trail's status and selectors are read in its home region, by ARN.
 */
public final class LiveMonitoringEvidence implements MonitoringEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private final AwsClients clients;
    private final Clock clock;
    private final RecordReaders readers;

    public LiveMonitoringEvidence(AccountIdentity identity, AwsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        GuardDutyAlerting alerting = new GuardDutyAlerting(identity, clients, clock);
        this.readers = new RecordReaders()
                .with(Trails.RECORD, request -> readTrails())
                .with(TrailStatus.RECORD, request -> readTrailStatus(request.trail(), request.awaitLogging()))
                .with(TrailEventSelectors.RECORD, this::readEventSelectors)
                .with(RootActivity.RECORD, this::readRootActivity)
                .with(RootSessionsOpened.RECORD, this::readRootSessionsOpened)
                .with(MetricFilters.RECORD, group -> readMetricFilters(group.region(), group.name()))
                .with(MetricAlarms.RECORD, of -> readAlarms(of.region(), of.metric()))
                .with(TopicSubscriptions.RECORD, this::readSubscriptions)
                .with(ConfigRecorders.RECORD, this::readConfigRecorders)
                .with(ConfigRules.RECORD, request -> readConfigRules())
                .with(ConfigRuleCompliance.RECORD, request -> readCompliance(request.ruleNames().stream().distinct().sorted().toList(),
                        request.awaitEvaluation()))
                .with(GuardDutyDetectors.RECORD, alerting::detectors)
                .with(GuardDutyAdministrator.RECORD, alerting::administrator)
                .with(RootFindingRules.RECORD, alerting::rootFindingRules);
    }

    @Override
    public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        return readers.read(record, request);
    }

    private Trails readTrails() {
        CloudTrailClient cloudTrail = clients.client(CloudTrailClient.class);
        List<Trails.Trail> list = call("cloudtrail:DescribeTrails", () -> cloudTrail.describeTrails(request -> request.includeShadowTrails(true))
                .trailList().stream()
                .map(trail -> new Trails.Trail(trail.name(), trail.trailARN(), trail.homeRegion(), Boolean.TRUE.equals(trail.isMultiRegionTrail()),
                        Boolean.TRUE.equals(trail.isOrganizationTrail()), trail.cloudWatchLogsLogGroupArn()))
                .toList());
        return new Trails(region(cloudTrail), list, Provenance.of(clock.instant(), "cloudtrail:DescribeTrails"));
    }

    private TrailStatus readTrailStatus(Trails.Trail trail, Optional<Duration> awaitLogging) {
        CloudTrailClient cloudTrail = homeRegion(trail).client(CloudTrailClient.class);
        Polling.Settled<GetTrailStatusResponse> status = Polling.settle("cloudtrail:GetTrailStatus", "trail " + trail.arn() + " to log",
                () -> call("cloudtrail:GetTrailStatus", () -> cloudTrail.getTrailStatus(request -> request.name(trail.arn()))),
                response -> Boolean.TRUE.equals(response.isLogging()), awaitLogging);
        GetTrailStatusResponse response = status.value();
        return new TrailStatus(trail.arn(), Boolean.TRUE.equals(response.isLogging()), response.latestDeliveryTime(), response.latestDeliveryError(),
                status.reads(), status.timedOut() ? awaitLogging.orElseThrow() : null, Provenance.of(clock.instant(), "cloudtrail:GetTrailStatus"));
    }

    private TrailEventSelectors readEventSelectors(Trails.Trail trail) {
        CloudTrailClient cloudTrail = homeRegion(trail).client(CloudTrailClient.class);
        GetEventSelectorsResponse response = call("cloudtrail:GetEventSelectors",
                () -> cloudTrail.getEventSelectors(request -> request.trailName(trail.arn())));
        List<TrailEventSelectors.Classic> classic = response.eventSelectors().stream()
                .map(selector -> new TrailEventSelectors.Classic(selector.readWriteTypeAsString(),
                        !Boolean.FALSE.equals(selector.includeManagementEvents()), selector.excludeManagementEventSources()))
                .toList();
        List<TrailEventSelectors.Advanced> advanced = response.advancedEventSelectors().stream()
                .map(selector -> new TrailEventSelectors.Advanced(selector.name(),
                        selector.fieldSelectors().stream().map(LiveMonitoringEvidence::fieldSelector).toList()))
                .toList();
        return new TrailEventSelectors(trail.arn(), classic, advanced, Provenance.of(clock.instant(), "cloudtrail:GetEventSelectors"));
    }

    private static TrailEventSelectors.FieldSelector fieldSelector(AdvancedFieldSelector selector) {
        return new TrailEventSelectors.FieldSelector(selector.field(), selector.equalsValue(), selector.startsWith(), selector.endsWith(),
                selector.notEquals(), selector.notStartsWith(), selector.notEndsWith());
    }

    private RootActivity readRootActivity(String region) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(RootActivity.EVENT_HISTORY);
        List<RootActivity.Event> events = new ArrayList<>();
        List<RootActivity.Event> rootSessionEvents = new ArrayList<>();
        int[] excluded = new int[2];
        lookupEvents(region, LookupAttributeKey.USERNAME, "root", from, to).forEach(event -> {
            JsonNode identity = event.detail().path("userIdentity");
            if (!"Root".equals(identity.path("type").asText(null))) {
                excluded[1]++;
            } else if (identity.hasNonNull("invokedBy") || "AwsServiceEvent".equals(event.detail().path("eventType").asText(null))) {
                excluded[0]++;
            } else {
                RootActivity.Event rootEvent = new RootActivity.Event(event.summary().eventTime(), event.summary().eventName(),
                        event.summary().eventSource(), event.detail().path("sourceIPAddress").asText(null),
                        event.detail().path("awsRegion").asText(region), event.summary().eventId(), succeeded(event.detail()));
                (identity.path("sessionContext").path("assumedRoot").asText("").equals("true") ? rootSessionEvents : events).add(rootEvent);
            }
        });
        return new RootActivity(region, from, to, events, rootSessionEvents, excluded[0], excluded[1],
                Provenance.of(clock.instant(), "cloudtrail:LookupEvents"));
    }

    /** Whether an event records success: no {@code errorCode}, and a sign-in event's answer not {@code Failure}. */
    private static boolean succeeded(JsonNode detail) {
        return !detail.hasNonNull("errorCode")
                && !"Failure".equals(detail.path("responseElements").path(detail.path("eventName").asText("")).asText(null));
    }

    private RootSessionsOpened readRootSessionsOpened(String region) {
        Instant to = clock.instant();
        List<RootSessionsOpened.Opening> openings = lookupEvents(region, LookupAttributeKey.EVENT_NAME, "AssumeRoot", to.minus(RootActivity.EVENT_HISTORY), to)
                .stream()
                .filter(event -> !event.detail().hasNonNull("errorCode"))
                .map(event -> {
                    JsonNode request = event.detail().path("requestParameters");
                    Matcher target = TWELVE_DIGITS.matcher(request.path("targetPrincipal").asText(""));
                    String policy = request.path("taskPolicyArn").path("arn").asText("");
                    return new RootSessionsOpened.Opening(event.summary().eventTime(), event.detail().path("userIdentity").path("arn").asText(null),
                            target.find() ? target.group() : "", policy.substring(policy.lastIndexOf('/') + 1));
                })
                .toList();
        return new RootSessionsOpened(region, openings, Provenance.of(clock.instant(), "cloudtrail:LookupEvents"));
    }

    private record LookedUp(Event summary, JsonNode detail) { }

    /** Every event of the region's history in the time range that has the attribute, each with its parsed CloudTrailEvent. */
    private List<LookedUp> lookupEvents(String region, LookupAttributeKey key, String value, Instant from, Instant to) {
        CloudTrailClient cloudTrail = clients.inRegion(region).client(CloudTrailClient.class);
        return call("cloudtrail:LookupEvents", () -> cloudTrail.lookupEventsPaginator(request -> request
                        .lookupAttributes(LookupAttribute.builder().attributeKey(key).attributeValue(value).build())
                        .startTime(from)
                        .endTime(to))
                .events().stream()
                .map(event -> new LookedUp(event, cloudTrailEvent(event.eventId(), event.cloudTrailEvent())))
                .toList());
    }

    private static JsonNode cloudTrailEvent(String eventId, String json) {
        if (json == null || json.isBlank()) {
            throw new EvidenceUnavailableException("cloudtrail:LookupEvents", "MalformedEvent", "event " + eventId + " has no CloudTrailEvent");
        }
        try {
            JsonNode detail = JSON.readTree(json);
            if (!detail.path("userIdentity").isObject()) {
                throw new EvidenceUnavailableException("cloudtrail:LookupEvents", "MalformedEvent", "event " + eventId + " has no userIdentity");
            }
            return detail;
        } catch (JsonProcessingException e) {
            throw new EvidenceUnavailableException("cloudtrail:LookupEvents", "MalformedEvent",
                    "the CloudTrailEvent of event " + eventId + " is not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private MetricFilters readMetricFilters(String region, String logGroupName) {
        CloudWatchLogsClient logs = clients.inRegion(region).client(CloudWatchLogsClient.class);
        List<MetricFilters.Filter> filters = call("logs:DescribeMetricFilters", () -> logs
                .describeMetricFiltersPaginator(request -> request.logGroupName(logGroupName))
                .metricFilters().stream()
                .map(filter -> new MetricFilters.Filter(filter.filterName(), filter.filterPattern(), filter.metricTransformations().stream()
                        .map(metric -> new MetricFilters.Metric(metric.metricNamespace(), metric.metricName()))
                        .toList()))
                .toList());
        return new MetricFilters(region, logGroupName, filters, Provenance.of(clock.instant(), "logs:DescribeMetricFilters"));
    }

    private MetricAlarms readAlarms(String region, MetricFilters.Metric metric) {
        CloudWatchClient cloudWatch = clients.inRegion(region).client(CloudWatchClient.class);
        List<MetricAlarms.Alarm> list = call("cloudwatch:DescribeAlarmsForMetric", () -> cloudWatch
                .describeAlarmsForMetric(request -> request.namespace(metric.namespace()).metricName(metric.name()))
                .metricAlarms().stream()
                .map(LiveMonitoringEvidence::alarm)
                .toList());
        return new MetricAlarms(region, metric, list, Provenance.of(clock.instant(), "cloudwatch:DescribeAlarmsForMetric"));
    }

    private static MetricAlarms.Alarm alarm(MetricAlarm alarm) {
        return new MetricAlarms.Alarm(alarm.alarmName(), alarm.alarmArn(), !Boolean.FALSE.equals(alarm.actionsEnabled()), alarm.alarmActions(),
                alarm.stateValueAsString());
    }

    private TopicSubscriptions readSubscriptions(String topicArn) {
        String[] arn = topicArn.split(":");
        if (arn.length < 6 || !arn[2].equals("sns")) {
            throw new EvidenceUnavailableException("sns:ListSubscriptionsByTopic", "InvalidTopicArn", topicArn + " is not an SNS topic ARN");
        }
        SnsClient sns = clients.inRegion(arn[3]).client(SnsClient.class);
        List<TopicSubscriptions.Subscription> list = call("sns:ListSubscriptionsByTopic", () -> sns
                .listSubscriptionsByTopicPaginator(request -> request.topicArn(topicArn))
                .subscriptions().stream()
                .map(subscription -> new TopicSubscriptions.Subscription(subscription.protocol(),
                        maskedEndpoint(subscription.protocol(), subscription.endpoint()), confirmed(subscription.subscriptionArn())))
                .toList());
        return new TopicSubscriptions(topicArn, list, Provenance.of(clock.instant(), "sns:ListSubscriptionsByTopic"));
    }

    private static boolean confirmed(String subscriptionArn) {
        return subscriptionArn != null && subscriptionArn.startsWith("arn:");
    }

    static String maskedEndpoint(String protocol, String endpoint) {
        if (endpoint == null || protocol == null) {
            return endpoint;
        }
        return switch (protocol) {
            case "email", "email-json" -> Redactor.email(endpoint);
            case "sms" -> Redactor.phone(endpoint);
            case "http", "https" -> webHook(endpoint);
            default -> endpoint;
        };
    }

    private static String webHook(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : "/…");
        } catch (IllegalArgumentException e) {
            return "*".repeat(url.length());
        }
    }

    private ConfigRecorders readConfigRecorders(String region) {
        ConfigClient config = clients.inRegion(region).client(ConfigClient.class);
        List<ConfigurationRecorder> recorders = call("config:DescribeConfigurationRecorders",
                () -> config.describeConfigurationRecorders(request -> { }).configurationRecorders());
        Map<String, ConfigurationRecorderStatus> statuses = new HashMap<>();
        if (!recorders.isEmpty()) {
            call("config:DescribeConfigurationRecorderStatus", () -> config.describeConfigurationRecorderStatus(request -> { })
                    .configurationRecordersStatus()).forEach(status -> statuses.put(status.name(), status));
        }
        List<ConfigRecorders.Recorder> list = recorders.stream().map(recorder -> {
            ConfigurationRecorderStatus status = statuses.get(recorder.name());
            return new ConfigRecorders.Recorder(recorder.name(),
                    recorder.recordingGroup() == null ? null : recorder.recordingGroup().allSupported(),
                    recorder.recordingGroup() == null ? null : recorder.recordingGroup().includeGlobalResourceTypes(),
                    status == null ? null : status.recording(),
                    status == null ? null : status.lastStatusAsString(),
                    status == null ? null : status.lastErrorCode(),
                    status == null ? null : status.lastErrorMessage(),
                    status == null ? null : status.lastStartTime(),
                    status == null ? null : status.lastStopTime());
        }).toList();
        return new ConfigRecorders(region, list, Provenance.of(clock.instant(), "config:DescribeConfigurationRecorders",
                "config:DescribeConfigurationRecorderStatus"));
    }

    private ConfigRules readConfigRules() {
        ConfigClient config = clients.client(ConfigClient.class);
        List<ConfigRules.Rule> rules = call("config:DescribeConfigRules", () -> config.describeConfigRulesPaginator(request -> { })
                .configRules().stream()
                .map(LiveMonitoringEvidence::rule)
                .toList());
        return new ConfigRules(region(config), rules, Provenance.of(clock.instant(), "config:DescribeConfigRules"));
    }

    private static ConfigRules.Rule rule(ConfigRule rule) {
        return new ConfigRules.Rule(rule.configRuleName(), rule.source() == null ? null : rule.source().ownerAsString(),
                rule.source() == null ? null : rule.source().sourceIdentifier(), rule.configRuleStateAsString());
    }

    private ConfigRuleCompliance readCompliance(List<String> names, Optional<Duration> awaitEvaluation) {
        ConfigClient config = clients.client(ConfigClient.class);
        Polling.Settled<Map<String, String>> read = Polling.settle("config:DescribeComplianceByConfigRule", "Config to evaluate " + names,
                () -> names.isEmpty() ? Map.of() : call("config:DescribeComplianceByConfigRule", () -> {
                    Map<String, String> byRule = new LinkedHashMap<>();
                    names.forEach(name -> byRule.put(name, ConfigRuleCompliance.INSUFFICIENT_DATA));
                    config.describeComplianceByConfigRulePaginator(request -> request.configRuleNames(names))
                            .complianceByConfigRules()
                            .forEach(rule -> byRule.put(rule.configRuleName(), rule.compliance() == null || rule.compliance().complianceTypeAsString() == null
                                    ? ConfigRuleCompliance.INSUFFICIENT_DATA : rule.compliance().complianceTypeAsString()));
                    return byRule;
                }),
                byRule -> !byRule.containsValue(ConfigRuleCompliance.INSUFFICIENT_DATA), awaitEvaluation);
        return new ConfigRuleCompliance(region(config), read.value(), read.reads(), read.timedOut() ? awaitEvaluation.orElseThrow() : null,
                Provenance.of(clock.instant(), "config:DescribeComplianceByConfigRule"));
    }

    private AwsClients homeRegion(Trails.Trail trail) {
        return trail.homeRegion() == null ? clients : clients.inRegion(trail.homeRegion());
    }

    private static String region(SdkClient client) {
        return ((AwsServiceClientConfiguration) client.serviceClientConfiguration()).region().id();
    }
}
