package org.rootposture.moto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.ConfigRecorders;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.MonitoringControls;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.Sessions;
import org.rootposture.settings.SettingsReader;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The monitoring evidence readers and decisions through the real SDK against moto, an AWS emulator nobody here wrote:
 * trails, status and selectors, metric filters, alarms, SNS subscriptions, Config recorders and rules, GuardDuty detectors and
 * EventBridge rules. moto serves no
 * {@code cloudtrail:LookupEvents} and no {@code config:DescribeComplianceByConfigRule}; the controls that need them must end
 * UNABLE_TO_ASSESS against it, never PASS.
 */
class MotoMonitoringTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String ACCOUNT = "123456789012";
    private static final String LOG_ARCHIVE = "210987654321";
    private static final String ACCESS_KEY = "AKIAMOTOTESTING00002";
    private static final String SECRET_KEY = "moto-test-secret";
    private static final String BUCKET = "trail-logs-" + ACCOUNT;
    private static final String LOG_GROUP = "cloudtrail/management";
    private static final String LOG_GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + LOG_GROUP + ":*";
    private static final Map<String, String> SAVED = new HashMap<>();

    private Sessions sessions;
    private final List<SdkClient> seeds = new java.util.ArrayList<>();

    @BeforeAll
    static void credentials() {
        setProperty("aws.accessKeyId", ACCESS_KEY);
        setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    @AfterAll
    static void restoreProperties() {
        SAVED.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        SAVED.clear();
    }

    @BeforeEach
    void freshMotoAndSessions() {
        MOTO.reset();
        sessions = new Sessions(SettingsReader.from(Map.of(
                "rootposture.endpoint", MOTO.endpoint().toString(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard"), Map.of()));
    }

    @AfterEach
    void close() {
        seeds.forEach(SdkClient::close);
        seeds.clear();
        sessions.close();
    }

    private LiveAccountEvidence evidence() {
        return new LiveAccountEvidence(new AccountIdentity(ACCOUNT, "aws"), sessions.caller(), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC());
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Instant.now(), Duration.ofDays(90));
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C seed(B builder, String region) {
        C client = builder.endpointOverride(MOTO.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        seeds.add(client);
        return client;
    }

    private CloudTrailClient cloudTrail() {
        return seed(CloudTrailClient.builder(), "us-east-1");
    }

    private void bucket() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MOTO.endpoint() + "/" + BUCKET))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError("cannot create the S3 bucket in moto", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A multi-region trail delivering to the log group, logging all management events. */
    private void loggingTrail(ReadWriteType readWriteType, boolean start) {
        bucket();
        seed(CloudWatchLogsClient.builder(), "us-east-1").createLogGroup(request -> request.logGroupName(LOG_GROUP));
        CloudTrailClient cloudTrail = cloudTrail();
        cloudTrail.createTrail(request -> request.name("management").s3BucketName(BUCKET).isMultiRegionTrail(true)
                .cloudWatchLogsLogGroupArn(LOG_GROUP_ARN).cloudWatchLogsRoleArn("arn:aws:iam::" + ACCOUNT + ":role/CloudTrailToLogs"));
        cloudTrail.putEventSelectors(request -> request.trailName("management")
                .eventSelectors(selector -> selector.readWriteType(readWriteType).includeManagementEvents(true)));
        if (start) {
            cloudTrail.startLogging(request -> request.name("management"));
        }
    }

    /** Metric filter (the CIS pattern, reordered and parenthesised), alarm and SNS topic with an SQS subscriber. */
    private String alarmChain(boolean withAlarm) {
        seed(CloudWatchLogsClient.builder(), "us-east-1").putMetricFilter(request -> request.logGroupName(LOG_GROUP).filterName("root-usage")
                .filterPattern("{ ($.eventType != \"AwsServiceEvent\") && $.userIdentity.invokedBy NOT EXISTS && $.userIdentity.type = \"Root\" }")
                .metricTransformations(metric -> metric.metricName("RootUsage").metricNamespace("CISBenchmark").metricValue("1")));
        SnsClient sns = seed(SnsClient.builder(), "us-east-1");
        String topic = sns.createTopic(request -> request.name("root-activity")).topicArn();
        sns.subscribe(request -> request.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:" + ACCOUNT + ":security-inbox"));
        if (withAlarm) {
            seed(CloudWatchClient.builder(), "us-east-1").putMetricAlarm(request -> request.alarmName("root-usage").metricName("RootUsage")
                    .namespace("CISBenchmark").statistic(Statistic.SUM).period(300).evaluationPeriods(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(topic));
        }
        return topic;
    }

    private void recorder(String region, boolean start) {
        ConfigClient config = seed(ConfigClient.builder(), region);
        config.putConfigurationRecorder(request -> request.configurationRecorder(recorder -> recorder.name("default")
                .roleARN("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")
                .recordingGroup(group -> group.allSupported(true).includeGlobalResourceTypes(true))));
        if (start) {
            config.putDeliveryChannel(request -> request.deliveryChannel(channel -> channel.name("default").s3BucketName(BUCKET)));
            config.startConfigurationRecorder(request -> request.configurationRecorderName("default"));
        }
    }

    private void rule(String name, String identifier) {
        seed(ConfigClient.builder(), "us-east-1").putConfigRule(request -> request.configRule(rule -> rule.configRuleName(name)
                .source(source -> source.owner(Owner.AWS).sourceIdentifier(identifier))));
    }

    @Test
    void aLoggingMultiRegionTrailPassesAndItsEvidenceIsReadThroughTheSdk() {
        loggingTrail(ReadWriteType.ALL, true);
        LiveAccountEvidence evidence = evidence();

        Verdict verdict = MonitoringControls.TRAIL_MULTI_REGION_LOGGING.evaluate(evidence, context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
        Trails trails = evidence.monitoring().trails();
        assertThat(trails.region()).isEqualTo("us-east-1");
        assertThat(trails.trails()).singleElement().satisfies(trail -> {
            assertThat(trail.multiRegion()).isTrue();
            assertThat(trail.ownerAccountId()).isEqualTo(ACCOUNT);
            assertThat(trail.logGroupArn()).isEqualTo(LOG_GROUP_ARN);
        });
        assertThat(verdict.evidence()).hasAtLeastOneElementOfType(TrailStatus.class).hasAtLeastOneElementOfType(TrailEventSelectors.class);
        TrailEventSelectors selectors = evidence.monitoring().eventSelectors(trails.trails().get(0));
        assertThat(selectors.classic()).singleElement().satisfies(selector -> {
            assertThat(selector.readWriteType()).isEqualTo("All");
            assertThat(selector.includeManagementEvents()).isTrue();
        });
    }

    @Test
    void aStoppedTrailFailsAndAWriteOnlyTrailFails() {
        loggingTrail(ReadWriteType.ALL, false);
        Verdict stopped = MonitoringControls.TRAIL_MULTI_REGION_LOGGING.evaluate(evidence(), context());
        assertThat(stopped.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(stopped.reason()).contains("management (home region us-east-1) is not logging");

        MOTO.reset();
        loggingTrail(ReadWriteType.WRITE_ONLY, true);
        Verdict writeOnly = MonitoringControls.TRAIL_MULTI_REGION_LOGGING.evaluate(evidence(), context());
        assertThat(writeOnly.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(writeOnly.reason()).contains("ReadWriteType=WriteOnly");
    }

    @Test
    void noTrailFails() {
        Verdict verdict = MonitoringControls.TRAIL_MULTI_REGION_LOGGING.evaluate(evidence(), context());
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).isEqualTo("No multi-region trail is visible to the account.\nNo trail is visible in us-east-1.");
    }

    @Test
    void theWholeAlarmChainPasses() {
        loggingTrail(ReadWriteType.ALL, true);
        String topic = alarmChain(true);
        LiveAccountEvidence evidence = evidence();

        Verdict verdict = MonitoringControls.ALARM_ROOT_USAGE.evaluate(evidence, context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
        assertThat(verdict.reason()).contains("metric filter root-usage", "CISBenchmark/RootUsage", "alarm root-usage", topic, "1 confirmed subscriber");
        assertThat(verdict.evidence()).hasAtLeastOneElementOfType(MetricFilters.class).hasAtLeastOneElementOfType(MetricAlarms.class)
                .hasAtLeastOneElementOfType(TopicSubscriptions.class);
        assertThat(evidence.monitoring().subscriptions(topic).subscriptions()).singleElement()
                .satisfies(subscription -> assertThat(subscription.protocol()).isEqualTo("sqs"));
    }

    @Test
    void aMetricWithoutAlarmFailsNamingTheMissingLink() {
        loggingTrail(ReadWriteType.ALL, true);
        alarmChain(false);
        Verdict verdict = MonitoringControls.ALARM_ROOT_USAGE.evaluate(evidence(), context());
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).contains("publishes CISBenchmark/RootUsage (us-east-1), but no alarm watches that metric");
    }

    /** Clients of another account, through a role moto lets the seeding credentials assume there. */
    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C seedIn(String accountId, B builder) {
        Credentials credentials = seed(StsClient.builder(), "us-east-1").assumeRole(request -> request
                .roleArn("arn:aws:iam::" + accountId + ":role/seed").roleSessionName("seed")).credentials();
        C client = builder.endpointOverride(MOTO.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()))).build();
        seeds.add(client);
        return client;
    }

    /**
     * A trail of this account delivering to a log group in a log-archive account, whose metric filter, alarm (with or
     * without action) and SNS topic live there; the run reads that account through the audit role.
     */
    private LiveAccountEvidence deliveringToALogArchiveAccount(boolean alarmAction) {
        bucket();
        String logGroupArn = "arn:aws:logs:us-east-1:" + LOG_ARCHIVE + ":log-group:org-trail-logs:*";
        seedIn(LOG_ARCHIVE, CloudWatchLogsClient.builder()).createLogGroup(request -> request.logGroupName("org-trail-logs"));
        seedIn(LOG_ARCHIVE, CloudWatchLogsClient.builder()).putMetricFilter(request -> request.logGroupName("org-trail-logs")
                .filterName("RootAccountUsage").filterPattern("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                        + "&& $.eventType != \"AwsServiceEvent\" }")
                .metricTransformations(metric -> metric.metricName("RootAccountUsageCount").metricNamespace("CISBenchmark").metricValue("1")));
        SnsClient sns = seedIn(LOG_ARCHIVE, SnsClient.builder());
        String topic = sns.createTopic(request -> request.name("root-activity")).topicArn();
        sns.subscribe(request -> request.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:" + LOG_ARCHIVE + ":security-inbox"));
        seedIn(LOG_ARCHIVE, CloudWatchClient.builder()).putMetricAlarm(request -> request.alarmName("CIS-RootAccountUsage")
                .metricName("RootAccountUsageCount").namespace("CISBenchmark").statistic(Statistic.SUM).period(300).evaluationPeriods(1)
                .threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .alarmActions(alarmAction ? List.of(topic) : List.of()));
        CloudTrailClient cloudTrail = cloudTrail();
        cloudTrail.createTrail(request -> request.name("management").s3BucketName(BUCKET).isMultiRegionTrail(true)
                .cloudWatchLogsLogGroupArn(logGroupArn).cloudWatchLogsRoleArn("arn:aws:iam::" + ACCOUNT + ":role/CloudTrailToLogs"));
        cloudTrail.putEventSelectors(request -> request.trailName("management")
                .eventSelectors(selector -> selector.readWriteType(ReadWriteType.ALL).includeManagementEvents(true)));
        cloudTrail.startLogging(request -> request.name("management"));
        AccountIdentity identity = new AccountIdentity(ACCOUNT, "aws");
        return new LiveAccountEvidence(identity, sessions.caller(), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"),
                owner -> new LiveAccountEvidence(new AccountIdentity(owner, "aws"), sessions.account(owner,
                        Optional.of("arn:aws:iam::" + owner + ":role/OrganizationAccountAccessRole")), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                        member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC()),
                EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC());
    }

    @Test
    void aLogGroupInALogArchiveAccountIsJudgedThereThroughTheAuditRole() {
        Verdict verdict = MonitoringControls.ALARM_ROOT_USAGE.evaluate(deliveringToALogArchiveAccount(true), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
        assertThat(verdict.reason()).startsWith("Root usage raises an alarm that reaches a confirmed subscriber.\nCovered by trail management, "
                + "log group org-trail-logs (us-east-1) in account " + LOG_ARCHIVE + ": metric filter RootAccountUsage → metric "
                + "CISBenchmark/RootAccountUsageCount → alarm CIS-RootAccountUsage → SNS topic arn:aws:sns:us-east-1:" + LOG_ARCHIVE + ":root-activity");
    }

    @Test
    void anAlarmWithoutActionInTheLogArchiveAccountFailsTheAccountItCovers() {
        Verdict verdict = MonitoringControls.ALARM_ROOT_USAGE.evaluate(deliveringToALogArchiveAccount(false), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("The root usage alarm has no alarm action.\n")
                .contains("in account " + LOG_ARCHIVE + ": alarm CIS-RootAccountUsage on CISBenchmark/RootAccountUsageCount has no alarm action");
    }

    @Test
    void configRecordersAreJudgedPerRegion() {
        bucket();
        recorder("us-east-1", true);
        recorder("eu-west-1", false);
        LiveAccountEvidence evidence = evidence();

        Verdict recording = MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.evaluate(evidence, context().withRegion("us-east-1"));
        Verdict stopped = MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.evaluate(evidence, context().withRegion("eu-west-1"));
        Verdict none = MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.evaluate(evidence, context().withRegion("ap-southeast-2"));

        assertThat(recording.outcome()).as(recording.reason()).isEqualTo(Outcome.PASS);
        assertThat(evidence.monitoring().configRecorders("us-east-1").recorders()).singleElement().satisfies(recorder -> {
            assertThat(recorder.name()).isEqualTo("default");
            assertThat(recorder.recording()).isTrue();
            assertThat(recorder.allSupported()).isTrue();
        });
        assertThat(stopped.outcome()).as(stopped.reason()).isEqualTo(Outcome.FAIL);
        assertThat(stopped.reason()).contains("default in eu-west-1 is not recording");
        assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(none.reason()).startsWith("AWS Config has no configuration recorder in the region.\n").contains("no recorder in ap-southeast-2");
        assertThat(stopped.evidence()).singleElement().isInstanceOf(ConfigRecorders.class);
    }

    @Test
    void configRootRulesAreFoundBySourceIdentifierButTheirComplianceIsNotServedSoNeverPass() {
        rule("root-mfa", "ROOT_ACCOUNT_MFA_ENABLED");
        rule("root-hardware-mfa", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED");
        rule("root-keys", "IAM_ROOT_ACCESS_KEY_CHECK");
        LiveAccountEvidence evidence = evidence();

        Verdict verdict = MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT.evaluate(evidence, context().withAwait(Optional.of(Duration.ofSeconds(1))));

        assertThat(evidence.monitoring().configRules().rules()).extracting(ConfigRules.Rule::name, ConfigRules.Rule::sourceIdentifier)
                .contains(org.assertj.core.groups.Tuple.tuple("root-mfa", "ROOT_ACCOUNT_MFA_ENABLED"));
        assertThat(evidence.monitoring().configRules().managed("IAM_ROOT_ACCESS_KEY_CHECK")).extracting(ConfigRules.Rule::name).containsExactly("root-keys");
        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("config:DescribeComplianceByConfigRule failed with");
    }

    @Test
    void aMissingConfigRuleFailsWhateverTheOthersSay() {
        rule("root-mfa", "ROOT_ACCOUNT_MFA_ENABLED");
        Verdict verdict = MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT.evaluate(evidence(), context());
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).contains("root-account-hardware-mfa-enabled (ROOT_ACCOUNT_HARDWARE_MFA_ENABLED)", "iam-root-access-key-check");
    }

    @Test
    void rootActivityIsNotServedSoItIsUnableToAssessNeverPass() {
        Verdict verdict = MonitoringControls.ROOT_ACTIVITY_NONE_RECENT.evaluate(evidence(), context().withRegion("us-east-1"));
        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("cloudtrail:LookupEvents failed with");
    }

    /**
     * {@code guardduty.root-findings.alerted}: moto's GuardDuty detectors and EventBridge rules, and TestEventPattern answered
     * by moto's own pattern matcher, the one it routes PutEvents with (see {@code moto_server.py}), so that whether a rule
     * matches the Low-severity root credential usage finding is decided by an implementation nobody here wrote. moto's
     * GetAdministratorAccount answers no administrator for a member (it spells the fields of one it knows in another case
     * than AWS), so the GuardDuty administrator is covered by the lab's tests.
     */
    @Nested
    class GuardDutyAlerts {

        @ParameterizedTest(name = "{0}: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                every GuardDuty finding, the Low root usage one included | {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"]}                                  | PASS
                severity 4 and above, numeric                            | {"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 4]}]}}                       | FAIL
                the finding type by prefix                               | {"source": ["aws.guardduty"], "detail": {"type": [{"prefix": "Policy:IAMUser/"}]}}                   | PASS
                anything but the root usage type                         | {"source": ["aws.guardduty"], "detail": {"type": [{"anything-but": ["Policy:IAMUser/RootCredentialUsage"]}]}} | FAIL
                """)
        void motoDecidesWhetherTheRulesPatternMatchesTheRootUsageFinding(String name, String pattern, Outcome expected) {
            detector(true);
            rule("guardduty-alerts", pattern, RuleState.ENABLED, topic());

            Verdict verdict = alerted();

            assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(expected);
            assertThat(evidence().monitoring().rootFindingRules("us-east-1").rules()).singleElement().satisfies(rule -> {
                assertThat(rule.matches()).isEqualTo(expected == Outcome.PASS);
                assertThat(rule.eventPattern()).isEqualTo(pattern);
            });
            if (expected == Outcome.PASS) {
                assertThat(verdict.detail()).contains("rule guardduty-alerts on the default event bus of this account", topic());
            } else {
                assertThat(verdict.reason()).startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n")
                        .contains("guardduty-alerts", "No GuardDuty administrator account receives its findings", "severity 4 or more misses it");
            }
        }

        @Test
        void withoutADetectorOrWithASuspendedOneItFails() {
            assertThat(alerted().reason()).startsWith("GuardDuty is not enabled in the region.\n");
            MOTO.reset();
            String id = detector(false);
            assertThat(alerted().reason()).startsWith("GuardDuty is suspended in the region.\n").contains(id + " has status DISABLED");
            assertThat(evidence().monitoring().guardDutyDetectors("us-east-1").detectors()).extracting(GuardDutyDetectors.Detector::status)
                    .containsExactly("DISABLED");
        }

        @Test
        void aMatchingRuleThatIsDisabledOrHasNoTargetFails() {
            detector(true);
            rule("disabled", "{\"source\": [\"aws.guardduty\"]}", RuleState.DISABLED, topic());
            assertThat(alerted().reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding is disabled.\n");
            rule("no-target", "{\"detail\": {\"type\": [\"Policy:IAMUser/RootCredentialUsage\"]}}", RuleState.ENABLED, null);
            assertThat(alerted().reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.\n")
                    .contains("rule no-target");
        }

        private Verdict alerted() {
            return MonitoringControls.ROOT_FINDINGS_ALERTED.evaluate(evidence(), context().withRegion("us-east-1"));
        }

        private String detector(boolean enabled) {
            return seed(GuardDutyClient.builder(), "us-east-1").createDetector(request -> request.enable(enabled)).detectorId();
        }

        private String topic() {
            return seed(SnsClient.builder(), "us-east-1").createTopic(request -> request.name("security-alerts")).topicArn();
        }

        private void rule(String name, String pattern, RuleState state, String target) {
            EventBridgeClient events = seed(EventBridgeClient.builder(), "us-east-1");
            events.putRule(request -> request.name(name).eventPattern(pattern).state(state));
            if (target != null) {
                events.putTargets(request -> request.rule(name).targets(t -> t.id("alerts").arn(target)));
            }
        }
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
