package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.Alarm.State.ALARM;
import static org.rootposture.lab.fixture.Alarm.State.INSUFFICIENT_DATA;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.Subscription.Protocol.HTTPS;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/** The CIS chain of metric filter, alarm and SNS subscription through the real CloudWatch Logs, CloudWatch and SNS clients. */
class AlarmChainTest {

    private static final String ROOT_PATTERN = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
    private static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:root-alerts";
    private static final Fixture FIXTURE = Fixture.builder().pageSize(2)
            .account("111111111111", account -> account
                    .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT)
                    .trail("main", trail -> trail.multiRegion(true).logGroup("cloudtrail"))
                    .trail("quiet", trail -> trail.logGroup("quiet"))
                    .metricFilter("cloudtrail", "RootAccountUsage", ROOT_PATTERN, "RootAccountUsageCount", "CISBenchmark")
                    .metricFilter("cloudtrail", "UnauthorizedAPICalls", "{ $.errorCode = \"AccessDenied*\" }", "UnauthorizedAPICalls", "CISBenchmark")
                    .metricFilter("cloudtrail", "RootLogins", "{ $.eventName = ConsoleLogin }", "RootLogins", "Security", filter -> filter.value("2"))
                    .metricFilter("local", "Everything", "", "Events", "Local", filter -> filter.region("eu-west-1"))
                    .alarm("root-usage", "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.actions(TOPIC))
                    .alarm("unauthorized", "UnauthorizedAPICalls", "CISBenchmark", alarm -> alarm.state(ALARM).actionsDisabled())
                    .alarm("root-usage-copy", "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.state(INSUFFICIENT_DATA))
                    .alarm("ireland", "Events", "Local", alarm -> alarm.region("eu-west-1"))
                    .topic("arn:aws:sns:us-east-1:111111111111:silent")
                    .subscription(TOPIC, "security@example.com")
                    .subscription(TOPIC, "oncall@example.com", subscription -> subscription.unconfirmed())
                    .subscription(TOPIC, "https://hooks.example.com/root", subscription -> subscription.protocol(HTTPS)))
            .account("222222222222")
            .build();

    @Test
    void metricFiltersArePagedPerLogGroupAndServedAsWritten() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudWatchLogsClient logs = clients.logs("111111111111", Region.US_EAST_1);
            List<MetricFilter> filters = logs.describeMetricFiltersPaginator(request -> request.logGroupName("cloudtrail"))
                    .metricFilters().stream().toList();

            assertThat(filters).extracting(MetricFilter::filterName).containsExactly("RootAccountUsage", "UnauthorizedAPICalls", "RootLogins");
            assertThat(lab.calls().get("111111111111")).containsEntry("logs:DescribeMetricFilters", 2);
            assertThat(filters.get(0).filterPattern())
                    .isEqualTo("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }");
            assertThat(filters.get(0).logGroupName()).isEqualTo("cloudtrail");
            assertThat(filters.get(2).metricTransformations()).singleElement().satisfies(transformation -> {
                assertThat(transformation.metricName()).isEqualTo("RootLogins");
                assertThat(transformation.metricNamespace()).isEqualTo("Security");
                assertThat(transformation.metricValue()).isEqualTo("2");
            });
            assertThat(logs.describeMetricFilters(request -> request.metricName("RootAccountUsageCount").metricNamespace("CISBenchmark"))
                    .metricFilters()).extracting(MetricFilter::filterName).containsExactly("RootAccountUsage");
            assertThat(logs.describeMetricFilters(request -> request.logGroupName("quiet")).metricFilters()).isEmpty();
        }
    }

    @Test
    void logGroupsBelongToTheirRegion() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudWatchLogsClient ireland = clients.logs("111111111111", Region.EU_WEST_1);

            assertThat(ireland.describeMetricFilters(request -> { }).metricFilters()).extracting(MetricFilter::filterName).containsExactly("Everything");
            assertThatThrownBy(() -> ireland.describeMetricFilters(request -> request.logGroupName("cloudtrail")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(clients.logs("222222222222", Region.US_EAST_1).describeMetricFilters(request -> { }).metricFilters()).isEmpty();
        }
    }

    @Test
    void cloudWatchAnswersTheQueryProtocolWithTheRegionsAlarms() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudWatchClient cloudWatch = clients.cloudWatch("111111111111", Region.US_EAST_1);
            List<MetricAlarm> alarms = cloudWatch.describeAlarmsPaginator(request -> { }).metricAlarms().stream().toList();

            assertThat(alarms).extracting(MetricAlarm::alarmName).containsExactly("root-usage", "unauthorized", "root-usage-copy");
            assertThat(lab.calls().get("111111111111")).containsEntry("monitoring:DescribeAlarms", 2);
            assertThat(alarms.get(0)).satisfies(alarm -> {
                assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:111111111111:alarm:root-usage");
                assertThat(alarm.metricName()).isEqualTo("RootAccountUsageCount");
                assertThat(alarm.namespace()).isEqualTo("CISBenchmark");
                assertThat(alarm.actionsEnabled()).isTrue();
                assertThat(alarm.alarmActions()).containsExactly(TOPIC);
                assertThat(alarm.stateValue()).isEqualTo(StateValue.OK);
                assertThat(alarm.threshold()).isEqualTo(1.0);
            });
            assertThat(alarms.get(1)).satisfies(alarm -> {
                assertThat(alarm.actionsEnabled()).isFalse();
                assertThat(alarm.alarmActions()).isEmpty();
                assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
            });
            assertThat(cloudWatch.describeAlarms(request -> request.alarmNames("unauthorized", "nothing")).metricAlarms())
                    .extracting(MetricAlarm::alarmName).containsExactly("unauthorized");
            assertThat(cloudWatch.describeAlarms(request -> request.stateValue(StateValue.INSUFFICIENT_DATA)).metricAlarms())
                    .extracting(MetricAlarm::alarmName).containsExactly("root-usage-copy");
            assertThat(cloudWatch.describeAlarms(request -> request.actionPrefix("arn:aws:sns:")).metricAlarms())
                    .extracting(MetricAlarm::alarmName).containsExactly("root-usage");
            assertThat(cloudWatch.describeAlarmsForMetric(request -> request.metricName("RootAccountUsageCount").namespace("CISBenchmark"))
                    .metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("root-usage", "root-usage-copy");
            assertThat(clients.cloudWatch("111111111111", Region.EU_WEST_1).describeAlarms().metricAlarms())
                    .extracting(MetricAlarm::alarmName).containsExactly("ireland");
        }
    }

    @Test
    void aFaultOnCloudWatchIsAQueryError() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.fault(Fault.error("monitoring:DescribeAlarms", "Throttling").times(1))));
             MonitoringClients clients = new MonitoringClients(lab)) {
            CloudWatchClient cloudWatch = clients.cloudWatch("111111111111", Region.US_EAST_1);

            assertThatThrownBy(cloudWatch::describeAlarms).isInstanceOfSatisfying(CloudWatchException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.isThrottlingException()).isTrue();
            });
            assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
        }
    }

    @Test
    void subscriptionsArePagedAndAnUnconfirmedOneIsPending() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            SnsClient sns = clients.sns("111111111111", Region.US_EAST_1);
            List<Subscription> subscriptions = sns.listSubscriptionsByTopicPaginator(request -> request.topicArn(TOPIC))
                    .subscriptions().stream().toList();

            assertThat(subscriptions).extracting(Subscription::endpoint)
                    .containsExactly("security@example.com", "oncall@example.com", "https://hooks.example.com/root");
            assertThat(lab.calls().get("111111111111")).containsEntry("sns:ListSubscriptionsByTopic", 2);
            assertThat(subscriptions).allSatisfy(subscription -> {
                assertThat(subscription.topicArn()).isEqualTo(TOPIC);
                assertThat(subscription.owner()).isEqualTo("111111111111");
            });
            assertThat(subscriptions.get(0).subscriptionArn()).startsWith(TOPIC + ":").hasSize(TOPIC.length() + 37);
            assertThat(subscriptions.get(0).protocol()).isEqualTo("email");
            assertThat(subscriptions.get(1).subscriptionArn()).isEqualTo("PendingConfirmation");
            assertThat(subscriptions.get(2).protocol()).isEqualTo("https");
            assertThat(sns.listSubscriptionsByTopic(request -> request.topicArn("arn:aws:sns:us-east-1:111111111111:silent")).subscriptions()).isEmpty();
        }
    }

    @Test
    void anUnknownTopicIsNotFoundAndOtherRegionsAndAccountsAreRefused() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            assertThatThrownBy(() -> clients.sns("111111111111", Region.US_EAST_1)
                    .listSubscriptionsByTopic(request -> request.topicArn("arn:aws:sns:us-east-1:111111111111:deleted")))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    });
            assertThatThrownBy(() -> clients.sns("111111111111", Region.EU_WEST_1).listSubscriptionsByTopic(request -> request.topicArn(TOPIC)))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> clients.sns("222222222222", Region.US_EAST_1).listSubscriptionsByTopic(request -> request.topicArn(TOPIC)))
                    .isInstanceOfSatisfying(AuthorizationErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
