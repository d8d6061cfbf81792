package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The demo organization's root activity monitoring, as an auditor in the management account sees it through the real SDK. */
class DemoMonitoringTest {

    private static final String MANAGEMENT = "111111111111";
    private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333", "444444444444", "555555555555",
            "666666666666", "777777777777", "888888888888");
    private static final String ORG_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/aws-controltower-BaselineCloudTrail";
    private static final String CIS_PATTERN = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Lab lab;
    private static LabClients clients;
    private static MonitoringClients monitoring;

    @BeforeAll
    static void start() {
        lab = Lab.start(DemoOrganization.fixture());
        clients = new LabClients(lab);
        monitoring = new MonitoringClients(lab);
    }

    @AfterAll
    static void stop() {
        monitoring.close();
        clients.close();
        lab.close();
    }

    private static AwsSessionCredentials assume(String accountId) {
        Credentials credentials = clients.sts().assumeRole(request -> request
                .roleArn("arn:aws:iam::" + accountId + ":role/RootPostureAudit").roleSessionName("root-posture")).credentials();
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    private static CloudTrailClient cloudTrail(String accountId, Region region) {
        return monitoring.cloudTrail(assume(accountId), region);
    }

    private static List<Trail> trails(String accountId, Region region) {
        return cloudTrail(accountId, region).describeTrails(request -> request.includeShadowTrails(true)).trailList();
    }

    private static Map<String, ComplianceType> compliance(ConfigClient config) {
        return config.describeComplianceByConfigRule(request -> { }).complianceByConfigRules().stream()
                .collect(Collectors.toMap(ComplianceByConfigRule::configRuleName, rule -> rule.compliance().complianceType()));
    }

    private static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyAccountHasUsEast1AndEuWest1AndSecurityToolingAlsoSydney() {
        assertThat(lab.fixture().accounts()).hasSizeGreaterThanOrEqualTo(ACCOUNTS.size());
        for (String accountId : lab.fixture().accounts().stream().map(Account::id).toList()) {
            Map<String, RegionOptStatus> regions = clients.account().listRegionsPaginator(request -> request.accountId(accountId)).regions().stream()
                    .collect(Collectors.toMap(software.amazon.awssdk.services.account.model.Region::regionName,
                            software.amazon.awssdk.services.account.model.Region::regionOptStatus));
            assertThat(regions).as(accountId)
                    .containsEntry("us-east-1", RegionOptStatus.ENABLED_BY_DEFAULT)
                    .containsEntry("eu-west-1", RegionOptStatus.ENABLED_BY_DEFAULT)
                    .containsEntry("ap-east-1", RegionOptStatus.DISABLED);
            assertThat(regions.containsKey("ap-southeast-2")).as(accountId).isEqualTo(accountId.equals("777777777777"));
        }
        assertThat(clients.account().listRegions(request -> request.accountId("777777777777")).regions())
                .filteredOn(region -> region.regionName().equals("ap-southeast-2"))
                .extracting(software.amazon.awssdk.services.account.model.Region::regionOptStatus).containsExactly(RegionOptStatus.ENABLED);
    }

    @Test
    void managementOwnsAnOrganizationTrailLoggingAllManagementEventsToControlTowersLogGroup() {
        CloudTrailClient cloudTrail = cloudTrail(MANAGEMENT, Region.US_EAST_1);
        assertThat(cloudTrail.describeTrails(request -> request.includeShadowTrails(false)).trailList()).singleElement().satisfies(trail -> {
            assertThat(trail.trailARN()).isEqualTo(ORG_TRAIL_ARN);
            assertThat(trail.isOrganizationTrail()).isTrue();
            assertThat(trail.isMultiRegionTrail()).isTrue();
            assertThat(trail.cloudWatchLogsLogGroupArn()).isEqualTo("arn:aws:logs:us-east-1:111111111111:log-group:aws-controltower/CloudTrailLogs:*");
        });
        assertThat(cloudTrail.getTrailStatus(request -> request.name("aws-controltower-BaselineCloudTrail")).isLogging()).isTrue();
        assertThat(cloudTrail.getEventSelectors(request -> request.trailName(ORG_TRAIL_ARN)).eventSelectors()).singleElement().satisfies(selector -> {
            assertThat(selector.readWriteType()).isEqualTo(ReadWriteType.ALL);
            assertThat(selector.includeManagementEvents()).isTrue();
        });
    }

    @Test
    void managementsAlarmChainIsCompleteWithAFilterSpelledDifferentlyFromTheCisText() {
        AwsSessionCredentials credentials = assume(MANAGEMENT);
        List<MetricFilter> filters = monitoring.logs(credentials, Region.US_EAST_1)
                .describeMetricFiltersPaginator(request -> request.logGroupName("aws-controltower/CloudTrailLogs")).metricFilters().stream().toList();

        assertThat(filters).singleElement().satisfies(filter -> {
            assertThat(filter.filterPattern()).isNotEqualTo(CIS_PATTERN)
                    .isEqualTo("{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }");
            assertThat(filter.filterPattern().replaceAll("[\\s()]", "")).isEqualTo(CIS_PATTERN.replaceAll("[\\s()]", ""));
            assertThat(filter.metricTransformations().get(0).metricName()).isEqualTo("RootAccountUsageCount");
        });
        List<MetricAlarm> alarms = monitoring.cloudWatch(credentials, Region.US_EAST_1).describeAlarmsForMetric(request -> request
                .metricName("RootAccountUsageCount").namespace("CISBenchmark")).metricAlarms();
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(alarm.actionsEnabled()).isTrue();
            assertThat(alarm.alarmActions()).containsExactly("arn:aws:sns:us-east-1:111111111111:root-activity-alerts");
        });
        List<Subscription> subscriptions = monitoring.sns(credentials, Region.US_EAST_1)
                .listSubscriptionsByTopicPaginator(request -> request.topicArn(alarms.get(0).alarmActions().get(0))).subscriptions().stream().toList();
        assertThat(subscriptions).singleElement().satisfies(subscription -> {
            assertThat(subscription.protocol()).isEqualTo("email");
            assertThat(subscription.endpoint()).isEqualTo("security@example.com");
            assertThat(subscription.subscriptionArn()).startsWith("arn:aws:sns:us-east-1:111111111111:root-activity-alerts:");
        });
    }

    @Test
    void everyMemberSeesTheOrganizationTrailAsAShadowInEveryEnabledRegion() {
        for (String accountId : ACCOUNTS.subList(1, ACCOUNTS.size())) {
            for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1)) {
                assertThat(trails(accountId, region)).as(accountId + " " + region)
                        .filteredOn(Trail::isOrganizationTrail)
                        .extracting(Trail::trailARN, Trail::homeRegion)
                        .containsExactly(tuple(ORG_TRAIL_ARN, "us-east-1"));
            }
            assertThat(cloudTrail(accountId, Region.EU_WEST_1).describeTrails(request -> request.includeShadowTrails(false)).trailList())
                    .as(accountId).noneMatch(Trail::isOrganizationTrail);
        }
        assertThat(trails("777777777777", Region.AP_SOUTHEAST_2)).extracting(Trail::trailARN).containsExactly(ORG_TRAIL_ARN);
        assertThat(trails("141414141414", Region.EU_WEST_1)).extracting(Trail::trailARN).containsExactly(ORG_TRAIL_ARN);
        assertThat(monitoring.cloudTrail("121212121212", Region.US_EAST_1).describeTrails().trailList()).as("suspended").isEmpty();
    }

    @Test
    void prodPaymentsTrailUsesAdvancedSelectorsForManagementEvents() {
        CloudTrailClient cloudTrail = cloudTrail("222222222222", Region.US_EAST_1);
        var selectors = cloudTrail.getEventSelectors(request -> request.trailName("payments-management-events"));

        assertThat(selectors.hasEventSelectors()).isFalse();
        assertThat(selectors.advancedEventSelectors()).singleElement().satisfies(selector -> assertThat(selector.fieldSelectors())
                .singleElement().satisfies(field -> {
                    assertThat(field.field()).isEqualTo("eventCategory");
                    assertThat(field.equalsValue()).containsExactly("Management");
                }));
        assertThat(cloudTrail.getTrailStatus(request -> request.name("payments-management-events")).isLogging()).isTrue();
    }

    @Test
    void prodPaymentsConfigRulesSettleAfterTwoPollsAndItsVirtualRootMfaIsNotHardware() {
        ConfigClient config = monitoring.config(assume("222222222222"), Region.US_EAST_1);
        List<Map<String, ComplianceType>> polls = IntStream.range(0, 3).mapToObj(i -> compliance(config)).toList();

        assertThat(polls.get(0)).containsOnlyKeys("root-account-mfa-enabled", "root-account-hardware-mfa-enabled", "iam-root-access-key-check")
                .allSatisfy((rule, type) -> assertThat(type).isEqualTo(ComplianceType.INSUFFICIENT_DATA));
        assertThat(polls.get(1)).allSatisfy((rule, type) -> assertThat(type).isEqualTo(ComplianceType.INSUFFICIENT_DATA));
        assertThat(polls.get(2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "root-account-mfa-enabled", ComplianceType.COMPLIANT,
                "root-account-hardware-mfa-enabled", ComplianceType.NON_COMPLIANT,
                "iam-root-access-key-check", ComplianceType.COMPLIANT));
        assertThat(clients.iam(assume("222222222222")).listVirtualMFADevices().virtualMFADevices())
                .anyMatch(device -> device.user() != null && device.user().arn().equals("arn:aws:iam::222222222222:root"));
    }

    @Test
    void devSandboxHasATrailThatIsNotLoggingAndNoConfigRules() {
        CloudTrailClient cloudTrail = cloudTrail("333333333333", Region.EU_WEST_1);
        assertThat(cloudTrail.describeTrails(request -> request.includeShadowTrails(false)).trailList()).extracting(Trail::name)
                .containsExactly("sandbox-trail");
        assertThat(cloudTrail.getTrailStatus(request -> request.name("sandbox-trail")).isLogging()).isFalse();
        assertThat(cloudTrail.getTrailStatus(request -> request.name("sandbox-trail")).isLogging()).isFalse();
        for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1)) {
            ConfigClient config = monitoring.config(assume("333333333333"), region);
            assertThat(config.describeConfigurationRecorders().configurationRecorders()).as(region.id()).hasSize(1);
            assertThat(config.describeConfigRules().configRules()).as(region.id()).isEmpty();
        }
    }

    @Test
    void legacyBatchStoppedItsRecorderInIrelandAndStillHasARootAccessKey() {
        AwsSessionCredentials credentials = assume("444444444444");
        assertThat(monitoring.config(credentials, Region.US_EAST_1).describeConfigurationRecorderStatus().configurationRecordersStatus())
                .singleElement().satisfies(status -> assertThat(status.recording()).isTrue());
        assertThat(monitoring.config(credentials, Region.EU_WEST_1).describeConfigurationRecorderStatus().configurationRecordersStatus())
                .singleElement().satisfies(status -> {
                    assertThat(status.recording()).isFalse();
                    assertThat(status.lastStopTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(14)));
                });
        assertThat(compliance(monitoring.config(credentials, Region.US_EAST_1))).containsEntry("iam-root-access-key-check", ComplianceType.NON_COMPLIANT);
        assertThat(clients.iam(credentials).getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1);
    }

    @Test
    void dataLakeRootSignedInAndChangedItsPasswordLastWeekAndItsAlarmNotifiesNobodyYet() {
        AwsSessionCredentials credentials = assume("555555555555");
        List<Event> events = monitoring.cloudTrail(credentials, Region.US_EAST_1).lookupEventsPaginator(request -> request
                .lookupAttributes(attribute -> attribute.attributeKey(LookupAttributeKey.USERNAME).attributeValue("root"))
                .startTime(lab.startedAt().minus(Duration.ofDays(7)))).events().stream().toList();
        assertThat(events).hasSize(4);
        List<Event> cisMatches = events.stream().map(event -> Map.entry(event, json(event)))
                .filter(entry -> entry.getValue().path("userIdentity").path("type").asText().equals("Root")
                        && !entry.getValue().path("userIdentity").has("invokedBy")
                        && !entry.getValue().path("eventType").asText().equals("AwsServiceEvent"))
                .map(Map.Entry::getKey).toList();
        assertThat(cisMatches).extracting(Event::eventName).containsExactly("ConsoleLogin", "PasswordUpdated");
        assertThat(cisMatches).allSatisfy(event -> {
            assertThat(event.eventTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(7)));
            assertThat(json(event).path("sourceIPAddress").asText()).isEqualTo("203.0.113.7");
        });
        var passwordUpdated = json(cisMatches.get(1));
        assertThat(passwordUpdated.path("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(passwordUpdated.path("eventType").asText()).isEqualTo("AwsConsoleSignIn");
        assertThat(passwordUpdated.path("responseElements").path("PasswordUpdated").asText()).isEqualTo("Success");
        assertThat(monitoring.cloudTrail(credentials, Region.EU_WEST_1).lookupEvents(request -> { }).events()).isEmpty();

        List<MetricAlarm> alarms = monitoring.cloudWatch(credentials, Region.US_EAST_1).describeAlarms().metricAlarms();
        assertThat(alarms).singleElement().satisfies(alarm -> assertThat(alarm.alarmActions())
                .containsExactly("arn:aws:sns:us-east-1:555555555555:data-lake-root-alerts"));
        assertThat(monitoring.sns(credentials, Region.US_EAST_1).listSubscriptionsByTopic(request -> request
                .topicArn("arn:aws:sns:us-east-1:555555555555:data-lake-root-alerts")).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactly("PendingConfirmation");
        assertThat(trails("555555555555", Region.US_EAST_1)).extracting(Trail::name)
                .containsExactly("data-lake-trail", "aws-controltower-BaselineCloudTrail");
    }

    @Test
    void workloadsSharedFailsTheRootMfaRules() {
        assertThat(compliance(monitoring.config(assume("666666666666"), Region.US_EAST_1))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "root-account-mfa-enabled", ComplianceType.NON_COMPLIANT,
                "root-account-hardware-mfa-enabled", ComplianceType.NON_COMPLIANT,
                "iam-root-access-key-check", ComplianceType.COMPLIANT));
    }

    @Test
    void auditRestrictedDeniesTheEventHistory() {
        CloudTrailClient cloudTrail = cloudTrail("888888888888", Region.US_EAST_1);
        assertThatThrownBy(() -> cloudTrail.lookupEvents(request -> { })).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).contains("cloudtrail:LookupEvents");
        });
        assertThat(cloudTrail.describeTrails().trailList()).extracting(Trail::trailARN).containsExactly(ORG_TRAIL_ARN);
    }

    @Test
    void theOtherAccountsRootRulesAreCompliant() {
        for (String accountId : List.of("111111111111", "555555555555", "777777777777", "888888888888", "141414141414")) {
            assertThat(compliance(monitoring.config(assume(accountId), Region.US_EAST_1))).as(accountId).hasSize(3)
                    .allSatisfy((rule, type) -> assertThat(type).isEqualTo(ComplianceType.COMPLIANT));
        }
    }
}
