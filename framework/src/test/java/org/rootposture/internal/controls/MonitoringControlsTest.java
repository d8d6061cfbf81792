package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.internal.controls.StubEvidence.NOW;
import static org.rootposture.internal.controls.StubEvidence.READ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rootposture.evidence.ConfigRecorders;
import org.rootposture.evidence.ConfigRuleCompliance;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootSessionsOpened;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;
import org.rootposture.internal.report.EvidenceJson;

class MonitoringControlsTest {

    private static final String ACCOUNT = "123456789012";
    private static final EvaluationContext CONTEXT = new EvaluationContext(NOW, Duration.ofDays(90));
    private static final Duration AWAIT = Duration.ofMinutes(5);
    private static final String LOG_GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:cloudtrail:*";
    private static final Trails.Trail OWN = new Trails.Trail("main", "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/main", "us-east-1",
            true, false, LOG_GROUP_ARN);
    private static final Trails.Trail ORGANIZATION = new Trails.Trail("org-trail", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail",
            "us-east-1", true, true, "arn:aws:logs:us-east-1:111111111111:log-group:org-cloudtrail:*");
    private static final Trails.Trail SINGLE = new Trails.Trail("local", "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/local", "eu-west-1",
            false, false, null);
    private static final MetricFilters.Metric METRIC = new MetricFilters.Metric("CISBenchmark", "RootUsage");
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":security-alerts";

    private static Verdict evaluate(BuiltInControl control, StubEvidence evidence) {
        return control.evaluate(evidence, CONTEXT);
    }

    private static TrailEventSelectors classic(String arn, String... readWriteTypes) {
        return new TrailEventSelectors(arn, List.of(readWriteTypes).stream()
                .map(type -> new TrailEventSelectors.Classic(type, true, List.of())).toList(), List.of(), READ);
    }

    private static TrailEventSelectors advanced(String arn, TrailEventSelectors.FieldSelector... fields) {
        return new TrailEventSelectors(arn, List.of(), List.of(new TrailEventSelectors.Advanced("Management events", List.of(fields))), READ);
    }

    private static TrailEventSelectors.FieldSelector field(String name, List<String> equals, List<String> notEquals) {
        return new TrailEventSelectors.FieldSelector(name, equals, List.of(), List.of(), notEquals, List.of(), List.of());
    }

    private static TrailStatus logging(String arn, boolean logging) {
        return new TrailStatus(arn, logging, NOW.minusSeconds(300), null, 1, null, READ);
    }

    /** An account whose own multi-region trail logs everything and whose alarm chain is complete. */
    private static StubEvidence monitored() {
        StubEvidence evidence = StubEvidence.account();
        evidence.monitoring()
                .trails(OWN)
                .selectors(OWN.arn(), classic(OWN.arn(), "All"))
                .status(OWN.arn(), logging(OWN.arn(), true))
                .filters(new MetricFilters("us-east-1", "cloudtrail", List.of(new MetricFilters.Filter("root-usage",
                        "{ ($.eventType != \"AwsServiceEvent\") && $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS }",
                        List.of(METRIC))), READ))
                .alarms(new MetricAlarms("us-east-1", METRIC, List.of(new MetricAlarms.Alarm("root-usage",
                        "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:root-usage", true, List.of(TOPIC), "OK")), READ))
                .subscriptions(new TopicSubscriptions(TOPIC, List.of(new TopicSubscriptions.Subscription("email", "s*******@example.com", true)), READ));
        return evidence;
    }

    @Nested
    class TrailLogging {

        @Test
        void passesWithALoggingMultiRegionTrailOfAllManagementEvents() {
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, monitored());
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("main (home region us-east-1)", "all management events, read and write");
            assertThat(verdict.evidence()).hasSize(3);
        }

        @Test
        void theOrganizationTrailCounts() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(ORGANIZATION)
                    .selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"))
                    .status(ORGANIZATION.arn(), logging(ORGANIZATION.arn(), true));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("organization trail of 111111111111");
        }

        @Test
        void aSingleRegionTrailIsNotEnough() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(SINGLE);
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("No multi-region trail", "log a single region", "local");
        }

        @Test
        void noTrailAtAllFails() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(new Trails.Trail[0]);
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).isEqualTo("No multi-region trail is visible to the account.\nNo trail is visible in us-east-1.");
        }

        @Test
        void writeOnlyManagementEventsFail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), classic(OWN.arn(), "WriteOnly"));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("ReadWriteType=WriteOnly");
        }

        @Test
        void excludedManagementEventsFail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), new TrailEventSelectors(OWN.arn(),
                    List.of(new TrailEventSelectors.Classic("All", false, List.of())), List.of(), READ));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("IncludeManagementEvents=false");
        }

        @Test
        void readOnlyAndWriteOnlySelectorsTogetherLogEverything() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), classic(OWN.arn(), "ReadOnly", "WriteOnly"));
            assertThat(evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void advancedSelectorsForManagementEventsPassAndNameExclusions() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), advanced(OWN.arn(), field("eventCategory", List.of("Management"), List.of()),
                    field("eventSource", List.of(), List.of("kms.amazonaws.com"))));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("except eventSource != kms.amazonaws.com");
        }

        @Test
        void advancedSelectorsRestrictedToReadOnlyFail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), advanced(OWN.arn(), field("eventCategory", List.of("Management"), List.of()),
                    field("readOnly", List.of("true"), List.of())));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("no advanced event selector", "readOnly = true");
        }

        @Test
        void advancedSelectorsNarrowedToOneSourceFail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), advanced(OWN.arn(), field("eventCategory", List.of("Management"), List.of()),
                    field("eventSource", List.of("s3.amazonaws.com"), List.of())));
            assertThat(evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void advancedSelectorsForDataEventsOnlyFail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().selectors(OWN.arn(), advanced(OWN.arn(), field("eventCategory", List.of("Data"), List.of())));
            assertThat(evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aStoppedTrailReadOnceFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().status(OWN.arn(), logging(OWN.arn(), false));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("main (home region us-east-1) is not logging");
        }

        @Test
        void aTrailStillNotLoggingAfterTheWaitIsUnableToAssess() {
            StubEvidence evidence = monitored();
            evidence.monitoring().status(OWN.arn(), new TrailStatus(OWN.arn(), false, null, null, 7, AWAIT, READ));
            Verdict verdict = MonitoringControls.TRAIL_MULTI_REGION_LOGGING.evaluate(evidence, CONTEXT.withAwait(Optional.of(AWAIT)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("was still not logging after PT5M (7 reads)");
            assertThat(evidence.monitoring().awaitsAsked).containsOnly(Optional.of(AWAIT));
        }

        @Test
        void anUnreadableStatusIsUnableToAssessUnlessAnotherTrailQualifies() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(ORGANIZATION).selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"));
            Verdict unknown = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(unknown.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(unknown.reason()).contains("cloudtrail:GetTrailStatus failed with AccessDenied");

            StubEvidence both = monitored();
            both.monitoring().trails(ORGANIZATION, OWN).selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"));
            assertThat(evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, both).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void unreadableSelectorsOfALoggingTrailAreUnableToAssess() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(OWN).status(OWN.arn(), logging(OWN.arn(), true));
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("cloudtrail:GetEventSelectors failed with AccessDenied");
        }

        @Test
        void unreadableTrailsAreUnableToAssess() {
            Verdict verdict = evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, StubEvidence.account());
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("cloudtrail:DescribeTrails failed with AccessDenied");
        }

        @Test
        void appliesInEveryPartition() {
            StubEvidence evidence = monitored().partition("aws-us-gov");
            assertThat(evaluate(MonitoringControls.TRAIL_MULTI_REGION_LOGGING, evidence).outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class RootActivityNoneRecent {

        private final EvaluationContext inEuWest1 = CONTEXT.withRegion("eu-west-1");

        private RootActivity activity(List<RootActivity.Event> events, int serviceEvents) {
            return new RootActivity("eu-west-1", NOW.minus(Duration.ofDays(90)), NOW, events, List.of(), serviceEvents, 0, READ);
        }

        private RootActivity.Event event(int daysAgo, String name) {
            return new RootActivity.Event(NOW.minus(Duration.ofDays(daysAgo)), name, "signin.amazonaws.com", "198.51.100.10", "eu-west-1",
                    "id-" + name + daysAgo);
        }

        private Verdict evaluate(StubEvidence evidence, EvaluationContext context) {
            return MonitoringControls.ROOT_ACTIVITY_NONE_RECENT.evaluate(evidence, context);
        }

        @Test
        void isJudgedPerRegion() {
            assertThat(MonitoringControls.ROOT_ACTIVITY_NONE_RECENT.perRegion()).isTrue();
            assertThat(MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.perRegion()).isTrue();
            assertThat(MonitoringControls.TRAIL_MULTI_REGION_LOGGING.perRegion()).isFalse();
            assertThat(MonitoringControls.ALARM_ROOT_USAGE.perRegion()).isFalse();
            assertThat(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT.perRegion()).isFalse();
        }

        @Test
        void passesWithoutEventsAndSaysWhatWasLeftOut() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().activity(activity(List.of(), 2));
            Verdict verdict = evaluate(evidence, inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("eu-west-1", "90-day window", "2 event(s) of AWS services acting as root");
        }

        @Test
        void failsWithEventsInTheWindowAndListsThem() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().activity(activity(List.of(event(3, "ConsoleLogin"), event(40, "CreateAccessKey")), 0));
            Verdict verdict = evaluate(evidence, inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("active in eu-west-1", "2 events",
                    "2026-11-18T12:00:00Z ConsoleLogin from 198.51.100.10 in eu-west-1", "CreateAccessKey");
        }

        private RootActivity.Event sessionEvent(Duration ago, String name) {
            return new RootActivity.Event(NOW.minus(ago), name, "s3.amazonaws.com", "192.0.2.1", "eu-west-1", "id-" + name + ago);
        }

        /** A member with one central root session two days ago, and what its management account 111111111111 recorded. */
        private StubEvidence withCentralRootSession(List<RootActivity.Event> ownEvents, boolean openingRecorded) {
            StubEvidence evidence = StubEvidence.account().organization("111111111111");
            evidence.monitoring().activity(new RootActivity("eu-west-1", NOW.minus(Duration.ofDays(90)), NOW, ownEvents,
                    List.of(sessionEvent(Duration.ofDays(2).minusMinutes(3), "DeleteBucketPolicy"), sessionEvent(Duration.ofDays(2).minusMinutes(1),
                            "GetBucketPolicy")), 0, 0, READ));
            evidence.otherAccount("111111111111").opened(new RootSessionsOpened("eu-west-1", openingRecorded
                    ? List.of(new RootSessionsOpened.Opening(NOW.minus(Duration.ofDays(2)), "arn:aws:sts::111111111111:assumed-role/PlatformAdmin/jane.doe",
                    ACCOUNT, "S3UnlockBucketPolicy"))
                    : List.of(), READ))
                    .opened(new RootSessionsOpened("us-east-1", List.of(), READ));
            return evidence;
        }

        @Test
        void centralRootSessionsAreListedApartAndDoNotFail() {
            Verdict verdict = evaluate(withCentralRootSession(List.of(), true), inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).isEqualTo("Only central root sessions acted as the root user within the window; its own credentials were not used.\n"
                    + "No use of the root user's own credentials in eu-west-1's CloudTrail event history within the 90-day window. Besides, 2 events of "
                    + "central root sessions (sts:AssumeRoot from the management account: privileged tasks, not use of the root user's own credentials): "
                    + "a session opened at 2026-11-19T12:00:00Z by arn:aws:sts::111111111111:assumed-role/PlatformAdmin/jane.doe for the task "
                    + "S3UnlockBucketPolicy: 2 actions from 2026-11-19T12:01:00Z to 2026-11-19T12:03:00Z (GetBucketPolicy, DeleteBucketPolicy).");
            assertThat(verdict.evidence()).extracting(evidence -> evidence.getClass().getSimpleName()).containsExactly("RootActivity", "RootSessionsOpened", "RootSessionsOpened");
        }

        @Test
        void aCentralRootSessionWithoutItsAssumeRootEventStillDoesNotFail() {
            Verdict verdict = evaluate(withCentralRootSession(List.of(), false), inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("2 actions from 2026-11-19T12:01:00Z to 2026-11-19T12:03:00Z (GetBucketPolicy, DeleteBucketPolicy), "
                    + "where no AssumeRoot event of the management account 111111111111 in eu-west-1, us-east-1 opened it");

            StubEvidence managementUnreadable = StubEvidence.account().organization("111111111111");
            managementUnreadable.monitoring().activity(withCentralRootSession(List.of(), true).monitoring().rootActivity("eu-west-1"));
            Verdict unknownOpener = evaluate(managementUnreadable, inEuWest1);
            assertThat(unknownOpener.outcome()).isEqualTo(Outcome.PASS);
            assertThat(unknownOpener.reason()).contains("who opened it is unknown, as the management account's AssumeRoot events cannot all be read "
                    + "(sts:AssumeRole failed with AccessDenied");
        }

        @Test
        void aRootConsoleSignInBesideACentralRootSessionFails() {
            Verdict verdict = evaluate(withCentralRootSession(List.of(event(1, "ConsoleLogin")), true), inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("The root user's own credentials were used within the window.\n")
                    .contains("1 event (2026-11-20T12:00:00Z ConsoleLogin from 198.51.100.10 in eu-west-1)",
                            "Besides, 2 events of central root sessions", "jane.doe");
        }

        @Test
        void eventsOutsideTheWindowPass() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().activity(activity(List.of(event(40, "ConsoleLogin")), 0));
            Verdict verdict = evaluate(evidence, inEuWest1.withUsageWindow(Duration.ofDays(30)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("30-day window");
        }

        @Test
        void manyEventsAreCountedAndTheFirstTenNamed() {
            List<RootActivity.Event> events = IntStream.range(1, 15).mapToObj(day -> event(day, "GetCallerIdentity")).toList();
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().activity(activity(events, 0));
            Verdict verdict = evaluate(evidence, inEuWest1);
            assertThat(verdict.reason()).contains("14 events", "and 4 more in the evidence");
        }

        @Test
        void aWindowLongerThanTheEventHistoryWithoutEventsIsUnableToAssess() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().activity(activity(List.of(), 0));
            Verdict verdict = evaluate(evidence, inEuWest1.withUsageWindow(Duration.ofDays(365)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("keeps only the last 90 days", "365 days");

            evidence.monitoring().activity(activity(List.of(event(50, "ConsoleLogin")), 0));
            assertThat(evaluate(evidence, inEuWest1.withUsageWindow(Duration.ofDays(365))).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void anUnreadableHistoryIsUnableToAssess() {
            Verdict verdict = evaluate(StubEvidence.account(), inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("cloudtrail:LookupEvents failed with AccessDenied");
        }

        @Test
        void withoutARegionItIsUnableToAssess() {
            Verdict verdict = evaluate(StubEvidence.account(), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("per region");
        }

        @Test
        void partitionsWithoutRootAreNotApplicable() {
            assertThat(evaluate(StubEvidence.account().partition("aws-cn"), inEuWest1).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Nested
    class AlarmRootUsage {

        @Test
        void passesWithTheWholeChain() {
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, monitored());
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("log group cloudtrail", "metric filter root-usage", "CISBenchmark/RootUsage", "alarm root-usage",
                    TOPIC, "1 confirmed subscriber (email s*******@example.com)");
            assertThat(verdict.evidence()).hasSize(6);
        }

        @Test
        void aTrailWithoutLogGroupFails() {
            Trails.Trail noLogs = new Trails.Trail("main", OWN.arn(), "us-east-1", true, false, null);
            StubEvidence evidence = monitored();
            evidence.monitoring().trails(noLogs);
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("Root usage is not alarmed: the trail delivers no events to CloudWatch Logs.\n")
                    .contains("no CloudWatchLogsLogGroupArn");
        }

        @Test
        void withoutALoggingTrailThereIsNothingToWatch() {
            StubEvidence evidence = monitored();
            evidence.monitoring().status(OWN.arn(), logging(OWN.arn(), false));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("no multi-region trail is logging", "is not logging");
        }

        @Test
        void aFilterWithAnotherPatternFailsAndIsNamed() {
            StubEvidence evidence = monitored();
            evidence.monitoring().filters(new MetricFilters("us-east-1", "cloudtrail", List.of(new MetricFilters.Filter("root-logins",
                    "{ $.userIdentity.type = \"Root\" && $.eventName = \"ConsoleLogin\" }", List.of(METRIC))), READ));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("no metric filter on log group cloudtrail", "filters considered: root-logins");
        }

        @Test
        void aLogGroupWithoutFiltersFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().filters(new MetricFilters("us-east-1", "cloudtrail", List.of(), READ));
            assertThat(evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence).reason()).contains("the log group has no metric filters");
        }

        @Test
        void aMetricWithoutAlarmFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().alarms(new MetricAlarms("us-east-1", METRIC, List.of(), READ));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("publishes CISBenchmark/RootUsage (us-east-1), but no alarm watches that metric");
        }

        @Test
        void anAlarmWithoutActionFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().alarms(new MetricAlarms("us-east-1", METRIC, List.of(new MetricAlarms.Alarm("silent", "arn:silent", true, List.of(), "OK")), READ));
            assertThat(evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence).reason()).isEqualTo("The root usage alarm has no alarm action.\n"
                    + "Root usage is not alarmed: alarm silent on CISBenchmark/RootUsage has no alarm action.");
        }

        @Test
        void anAlarmWithActionsDisabledFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().alarms(new MetricAlarms("us-east-1", METRIC, List.of(new MetricAlarms.Alarm("muted", "arn:muted", false, List.of(TOPIC), "OK")), READ));
            assertThat(evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence).reason()).contains("alarm muted", "actions disabled");
        }

        @Test
        void anAlarmThatNotifiesNoTopicFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().alarms(new MetricAlarms("us-east-1", METRIC, List.of(new MetricAlarms.Alarm("ops", "arn:ops", true,
                    List.of("arn:aws:ssm:us-east-1:" + ACCOUNT + ":opsitem:3"), "OK")), READ));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("notifies no SNS topic");
        }

        @Test
        void aTopicWithOnlyPendingSubscriptionsFails() {
            StubEvidence evidence = monitored();
            evidence.monitoring().subscriptions(new TopicSubscriptions(TOPIC,
                    List.of(new TopicSubscriptions.Subscription("email", "s*******@example.com", false)), READ));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("The root usage alarm's SNS topic has no confirmed subscriber.\n")
                    .contains("has no confirmed subscriber (1 pending confirmation)");
        }

        private static final String ORGANIZATION_TOPIC = "arn:aws:sns:us-east-1:111111111111:root-activity-alerts";

        /** A member that sees only the organization trail, whose log group lives in the management account 111111111111. */
        private StubEvidence coveredByTheOrganizationTrail(MetricAlarms.Alarm ownersAlarm) {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(ORGANIZATION)
                    .selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"))
                    .status(ORGANIZATION.arn(), logging(ORGANIZATION.arn(), true));
            evidence.otherAccount("111111111111")
                    .filters(new MetricFilters("us-east-1", "org-cloudtrail", List.of(new MetricFilters.Filter("RootAccountUsage",
                            FilterPattern.CIS_ROOT_USAGE, List.of(METRIC))), READ))
                    .alarms(new MetricAlarms("us-east-1", METRIC, List.of(ownersAlarm), READ))
                    .subscriptions(new TopicSubscriptions(ORGANIZATION_TOPIC,
                            List.of(new TopicSubscriptions.Subscription("email", "s*******@example.com", true)), READ));
            return evidence;
        }

        @Test
        void aMemberCoveredByTheOrganizationTrailGetsTheOwnersCompleteChain() {
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, coveredByTheOrganizationTrail(new MetricAlarms.Alarm("CIS-RootAccountUsage",
                    "arn:aws:cloudwatch:us-east-1:111111111111:alarm:CIS-RootAccountUsage", true, List.of(ORGANIZATION_TOPIC), "OK")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).isEqualTo("Root usage raises an alarm that reaches a confirmed subscriber.\n"
                    + "Covered by organization trail org-trail, log group org-cloudtrail (us-east-1) in account 111111111111: metric filter "
                    + "RootAccountUsage → metric CISBenchmark/RootUsage → alarm CIS-RootAccountUsage → SNS topic " + ORGANIZATION_TOPIC
                    + " with 1 confirmed subscriber (email s*******@example.com).");
            assertThat(verdict.evidence()).extracting(evidence -> evidence.getClass().getSimpleName())
                    .contains("MetricFilters", "MetricAlarms", "TopicSubscriptions");
        }

        @Test
        void aMemberFailsWhenTheOwnersAlarmHasNoAction() {
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, coveredByTheOrganizationTrail(new MetricAlarms.Alarm("CIS-RootAccountUsage",
                    "arn:aws:cloudwatch:us-east-1:111111111111:alarm:CIS-RootAccountUsage", true, List.of(), "OK")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("The root usage alarm has no alarm action.\n")
                    .contains("Covered by organization trail org-trail, log group org-cloudtrail (us-east-1) in account 111111111111: alarm "
                            + "CIS-RootAccountUsage on CISBenchmark/RootUsage has no alarm action");
        }

        @Test
        void aLogGroupWhoseOwnerCannotBeReadIsUnableToAssessNamingTheOwner() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(ORGANIZATION)
                    .selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"))
                    .status(ORGANIZATION.arn(), logging(ORGANIZATION.arn(), true));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).startsWith("The account that owns the trail's log group cannot be read.\n")
                    .contains("in account 111111111111", "sts:AssumeRole failed with AccessDenied",
                            "add account 111111111111 to the run's targets, or let the run's audit role (rootposture.role) be assumed in it");
        }

        @Test
        void theFindingIsTheLinkMissingFromTheChainClosestToComplete() {
            StubEvidence evidence = coveredByTheOrganizationTrail(new MetricAlarms.Alarm("CIS-RootAccountUsage", "arn:a", true, List.of(), "OK"));
            evidence.monitoring().trails(new Trails.Trail("main", OWN.arn(), "us-east-1", true, false, null), ORGANIZATION)
                    .selectors(OWN.arn(), classic(OWN.arn(), "All")).status(OWN.arn(), logging(OWN.arn(), true));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.reason()).startsWith("The root usage alarm has no alarm action.\n").contains("no CloudWatchLogsLogGroupArn");
        }

        @Test
        void anOwnCompleteChainPassesBesideTheOrganizationTrail() {
            StubEvidence evidence = monitored();
            evidence.monitoring().trails(ORGANIZATION, OWN)
                    .selectors(ORGANIZATION.arn(), classic(ORGANIZATION.arn(), "All"))
                    .status(ORGANIZATION.arn(), logging(ORGANIZATION.arn(), true));
            assertThat(evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void anUnreadableLinkIsUnableToAssess() {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().trails(OWN).selectors(OWN.arn(), classic(OWN.arn(), "All")).status(OWN.arn(), logging(OWN.arn(), true));
            Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("logs:DescribeMetricFilters failed with AccessDenied");

            StubEvidence topicElsewhere = monitored();
            topicElsewhere.monitoring().alarms(new MetricAlarms("us-east-1", METRIC, List.of(new MetricAlarms.Alarm("root-usage", "arn:a", true,
                    List.of("arn:aws:sns:us-east-1:999999999999:elsewhere"), "OK")), READ));
            Verdict topicUnreadable = evaluate(MonitoringControls.ALARM_ROOT_USAGE, topicElsewhere);
            assertThat(topicUnreadable.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(topicUnreadable.reason()).contains("sns:ListSubscriptionsByTopic failed with AccessDenied");
        }

        @Test
        void partitionsWithoutRootAreNotApplicable() {
            assertThat(evaluate(MonitoringControls.ALARM_ROOT_USAGE, monitored().partition("aws-us-gov")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Nested
    class ConfigRecorder {

        private final EvaluationContext inEuWest1 = CONTEXT.withRegion("eu-west-1");

        private ConfigRecorders recorders(ConfigRecorders.Recorder... recorders) {
            return new ConfigRecorders("eu-west-1", List.of(recorders), READ);
        }

        private ConfigRecorders.Recorder recorder(Boolean recording, String lastStatus) {
            return new ConfigRecorders.Recorder("default", true, true, recording, lastStatus,
                    "FAILURE".equals(lastStatus) ? "AccessDenied" : null, "FAILURE".equals(lastStatus) ? "cannot assume role" : null,
                    NOW.minus(Duration.ofDays(30)), Boolean.FALSE.equals(recording) ? NOW.minus(Duration.ofDays(1)) : null);
        }

        private Verdict evaluate(ConfigRecorders recorders) {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().recorders(recorders);
            return MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.evaluate(evidence, inEuWest1);
        }

        @Test
        void passesWhenRecording() {
            Verdict verdict = evaluate(recorders(recorder(true, "SUCCESS")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).startsWith("AWS Config is recording in the region.\n")
                    .contains("In eu-west-1", "all supported resource types", "global resources included");
        }

        @Test
        void pendingIsNotAFailure() {
            assertThat(evaluate(recorders(recorder(true, "PENDING"))).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void noRecorderFails() {
            Verdict verdict = evaluate(recorders());
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).isEqualTo("AWS Config has no configuration recorder in the region.\n"
                    + "config:DescribeConfigurationRecorders lists no recorder in eu-west-1.");
        }

        @Test
        void aStoppedRecorderFails() {
            Verdict verdict = evaluate(recorders(recorder(false, "SUCCESS")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("default in eu-west-1 is not recording", "stopped 2026-11-20T12:00:00Z");
        }

        @Test
        void aFailingRecorderFails() {
            Verdict verdict = evaluate(recorders(recorder(true, "FAILURE")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("last delivery failed (AccessDenied: cannot assume role)");
        }

        @Test
        void aRecorderWithoutStatusIsUnableToAssess() {
            assertThat(evaluate(recorders(recorder(null, null))).outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        }

        @Test
        void unreadableRecordersAreUnableToAssess() {
            Verdict verdict = MonitoringControls.CONFIG_RECORDER_ALL_REGIONS.evaluate(StubEvidence.account(), inEuWest1);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("config:DescribeConfigurationRecorders failed with AccessDenied");
        }
    }

    @Nested
    class ConfigRootRules {

        private static final ConfigRules.Rule MFA = new ConfigRules.Rule("securityhub-root-mfa-1a2b", "AWS", "ROOT_ACCOUNT_MFA_ENABLED", "ACTIVE");
        private static final ConfigRules.Rule HARDWARE = new ConfigRules.Rule("root-account-hardware-mfa-enabled", "AWS", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", "ACTIVE");
        private static final ConfigRules.Rule KEYS = new ConfigRules.Rule("iam-root-access-key-check", "AWS", "IAM_ROOT_ACCESS_KEY_CHECK", "ACTIVE");

        private StubEvidence rules(Map<String, String> compliance, Duration awaited, ConfigRules.Rule... rules) {
            StubEvidence evidence = StubEvidence.account();
            evidence.monitoring().rules(rules);
            if (compliance != null) {
                evidence.monitoring().compliance(new ConfigRuleCompliance("us-east-1", compliance, awaited == null ? 1 : 9, awaited, READ));
            }
            return evidence;
        }

        private Map<String, String> all(String mfa, String hardware, String keys) {
            return Map.of(MFA.name(), mfa, HARDWARE.name(), hardware, KEYS.name(), keys);
        }

        @Test
        void passesWhenAllThreeAreCompliantWhateverTheirNames() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT,
                    rules(all("COMPLIANT", "COMPLIANT", "COMPLIANT"), null, MFA, HARDWARE, KEYS));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("securityhub-root-mfa-1a2b", "deployed in us-east-1 and compliant");
        }

        @Test
        void notApplicableCountsAsCompliantWithTheReason() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT,
                    rules(all("NOT_APPLICABLE", "NOT_APPLICABLE", "COMPLIANT"), null, MFA, HARDWARE, KEYS));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("securityhub-root-mfa-1a2b (ROOT_ACCOUNT_MFA_ENABLED), root-account-hardware-mfa-enabled are NOT_APPLICABLE");
        }

        @Test
        void nonCompliantFails() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT,
                    rules(all("COMPLIANT", "NON_COMPLIANT", "INSUFFICIENT_DATA"), null, MFA, HARDWARE, KEYS));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("root-account-hardware-mfa-enabled is NON_COMPLIANT in us-east-1");
        }

        @Test
        void aMissingRuleFailsAndIsReadWithoutWaiting() {
            ConfigRules.Rule namedLikeButCustom = new ConfigRules.Rule("iam-root-access-key-check", "CUSTOM_LAMBDA", "my-function", "ACTIVE");
            StubEvidence evidence = rules(Map.of(MFA.name(), "COMPLIANT", HARDWARE.name(), "INSUFFICIENT_DATA"), null, MFA, HARDWARE, namedLikeButCustom);
            Verdict verdict = MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT.evaluate(evidence, CONTEXT.withAwait(Optional.of(AWAIT)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("not deployed in us-east-1: iam-root-access-key-check (IAM_ROOT_ACCESS_KEY_CHECK)");
            assertThat(evidence.monitoring().awaitsAsked).containsExactly(Optional.empty());
        }

        @Test
        void aRuleBeingDeletedIsNotDeployed() {
            ConfigRules.Rule deleting = new ConfigRules.Rule(KEYS.name(), "AWS", KEYS.sourceIdentifier(), "DELETING");
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT,
                    rules(all("COMPLIANT", "COMPLIANT", "COMPLIANT"), null, MFA, HARDWARE, deleting));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void noRuleAtAllFails() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, rules(null, null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("No AWS Config root rule is deployed.\n")
                    .contains("not deployed in us-east-1", "root-account-mfa-enabled (ROOT_ACCOUNT_MFA_ENABLED)");
        }

        @Test
        void notEvaluatedYetReadOnceIsUnableToAssess() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT,
                    rules(all("COMPLIANT", "INSUFFICIENT_DATA", "COMPLIANT"), null, MFA, HARDWARE, KEYS));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("Config has not evaluated root-account-hardware-mfa-enabled yet", "rootposture.await");
        }

        @Test
        void stillNotEvaluatedAfterTheWaitIsUnableToAssessNamingTheRule() {
            StubEvidence evidence = rules(all("INSUFFICIENT_DATA", "COMPLIANT", "COMPLIANT"), AWAIT, MFA, HARDWARE, KEYS);
            Verdict verdict = MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT.evaluate(evidence, CONTEXT.withAwait(Optional.of(AWAIT)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("securityhub-root-mfa-1a2b (ROOT_ACCOUNT_MFA_ENABLED) was still INSUFFICIENT_DATA after PT5M (9 reads");
            assertThat(evidence.monitoring().awaitsAsked).containsExactly(Optional.of(AWAIT));
        }

        @Test
        void unreadableComplianceIsUnableToAssess() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, rules(null, null, MFA, HARDWARE, KEYS));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("config:DescribeComplianceByConfigRule failed with AccessDenied");
        }

        @Test
        void unreadableRulesAreUnableToAssess() {
            Verdict verdict = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, StubEvidence.account());
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("config:DescribeConfigRules failed with AccessDenied");
        }

        @Test
        void partitionsWithoutRootAreNotApplicable() {
            StubEvidence evidence = rules(all("COMPLIANT", "COMPLIANT", "COMPLIANT"), null, MFA, HARDWARE, KEYS).partition("aws-us-gov");
            assertThat(evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, evidence).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Test
    void theEvidenceOfEveryMonitoringVerdictIsWrittenAsJson() {
        Verdict verdict = evaluate(MonitoringControls.ALARM_ROOT_USAGE, monitored());
        String json = json(verdict);
        assertThat(json).contains("\"type\" : \"Trails\"", "\"type\" : \"TrailStatus\"", "\"type\" : \"TrailEventSelectors\"",
                "\"type\" : \"MetricFilters\"", "\"type\" : \"MetricAlarms\"", "\"type\" : \"TopicSubscriptions\"", "s*******@example.com");
        StubEvidence pending = StubEvidence.account();
        pending.monitoring().rules(new ConfigRules.Rule("r", "AWS", "ROOT_ACCOUNT_MFA_ENABLED", "ACTIVE"))
                .compliance(new ConfigRuleCompliance("us-east-1", Map.of("r", "INSUFFICIENT_DATA"), 4, AWAIT, READ));
        Verdict config = evaluate(MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, pending);
        assertThat(json(config))
                .contains("\"type\" : \"ConfigRules\"", "\"type\" : \"ConfigRuleCompliance\"", "INSUFFICIENT_DATA");
    }

    private static String json(Verdict verdict) {
        return verdict.evidence().stream().map(EvidenceJson::of).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void theCatalogueHoldsTheSixMonitoringControlsUnderUniqueIds() {
        assertThat(MonitoringControls.all()).extracting(control -> control.definition().id()).containsExactly(
                "trail.multi-region.logging", "trail.root-activity.none-recent", "alarm.root-usage", "config.recorder.all-regions",
                "config.root-rules.compliant", "guardduty.root-findings.alerted");
        MonitoringControls.all().forEach(control -> assertThat(Catalogue.byId(control.definition().id())).containsSame(control));
        List<String> ids = new ArrayList<>(Catalogue.all().stream().map(control -> control.definition().id()).toList());
        assertThat(ids).doesNotHaveDuplicates();
        MonitoringControls.all().forEach(control -> assertThat(control.definition().remediation()).isNotBlank());
    }
}
