package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.rootposture.ShownAs.shownAs;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.COMPLIANT;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.INSUFFICIENT_DATA;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.IAM_ROOT_ACCESS_KEY_CHECK;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_HARDWARE_MFA_ENABLED;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_MFA_ENABLED;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.RootEvent.EventType.AWS_SERVICE_EVENT;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.rootposture.lab.fixture.AwsConfig.Rule.Compliance;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Trail;
import org.rootposture.monitoring.CloudTrailLogsAllRegions;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.monitoring.ConfigRootRulesCompliant;
import org.rootposture.monitoring.NoRecentRootActivity;
import org.rootposture.monitoring.RootActivityIsAlarmed;

/** The monitoring controls through the extension, the real SDK and the local lab: per-region invocations, verdicts and waiting. */
class MonitoringRunTest {

    private static final String CIS = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";

    /** One stand-alone account in two regions: everything watched, except a stopped recorder and a root sign-in in eu-west-1. */
    private static Fixture account(UnaryOperator<Trail> trailLogging, Compliance... mfaRuleCompliance) {
        String topic = "arn:aws:sns:us-east-1:111111111111:security";
        return Fixture.builder().account("111111111111", account -> account.name("solo").email("solo@example.com")
                .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED).region("ap-east-1", DISABLED)
                .trail("main", trail -> trailLogging.apply(trail.multiRegion(true).logGroup("cloudtrail")))
                .rootEvent(daysAgo(2), "ConsoleLogin", event -> event.region("eu-west-1").sourceIp("203.0.113.7"))
                .rootEvent(daysAgo(3), "RotateKey", event -> event.source("kms.amazonaws.com").type(AWS_SERVICE_EVENT))
                .rootEvent(daysAgo(4), "DescribeCases", event -> event.source("support.amazonaws.com").invokedBy("support.amazonaws.com"))
                .metricFilter("cloudtrail", "root-usage", CIS, "RootUsage", "CISBenchmark")
                .alarm("root-usage", "RootUsage", "CISBenchmark", alarm -> alarm.actions(topic))
                .subscription(topic, "security@example.com")
                .config("us-east-1", config -> config.rule("root-account-mfa-enabled", ROOT_ACCOUNT_MFA_ENABLED, mfaRuleCompliance)
                        .rule("hardware-mfa", ROOT_ACCOUNT_HARDWARE_MFA_ENABLED)
                        .rule("iam-root-access-key-check", IAM_ROOT_ACCESS_KEY_CHECK))
                .config("eu-west-1", config -> config.recorder(recorder -> recorder.stopped(daysAgo(1)))))
                .build();
    }

    private static Events run(LabRun lab, Class<?> postureClass) {
        return lab.engine().selectors(selectClass(postureClass)).execute().testEvents();
    }

    @Test
    void perRegionControlsRunOncePerEnabledRegionAndTheOthersOncePerAccount() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(true), COMPLIANT), Map.of())) {
            Events events = run(lab, Monitoring.class);
            events.assertStatistics(stats -> stats.started(2 + 1 + 1 + 2 + 1));
            events.assertThatEvents()
                    .haveExactly(1, event(test("noRecentRootActivity"), shownAs("111111111111 · eu-west-1"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("active in eu-west-1")
                                    && m.contains("ConsoleLogin from 203.0.113.7 in eu-west-1")))))
                    .haveExactly(1, event(test("noRecentRootActivity"), shownAs("111111111111 · us-east-1"), finishedSuccessfully()))
                    .haveExactly(1, event(test("configRecords"), shownAs("111111111111 · eu-west-1"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("default in eu-west-1 is not recording")))))
                    .haveExactly(1, event(test("configRecords"), shownAs("111111111111 · us-east-1"), finishedSuccessfully()))
                    .haveExactly(1, event(test("cloudTrailLogs"), shownAs("111111111111"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootActivityAlarmed"), shownAs("111111111111"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootRules"), shownAs("111111111111"), finishedSuccessfully()));
        }
    }

    @Test
    void evidenceIsReadOncePerAccountAndRegion() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(true), COMPLIANT), Map.of())) {
            run(lab, AnnotationsAndAssertions.class);
            assertThat(lab.lab().calls().get("111111111111"))
                    .containsEntry("cloudtrail:DescribeTrails", 1)
                    .containsEntry("cloudtrail:GetTrailStatus", 1)
                    .containsEntry("cloudtrail:LookupEvents", 2)
                    .containsEntry("config:DescribeConfigurationRecorders", 2)
                    .containsEntry("config:DescribeComplianceByConfigRule", 1);
        }
    }

    @Test
    void withoutAWaitEvidenceThatIsStillSettlingIsReadOnce() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(false, false, true), INSUFFICIENT_DATA, INSUFFICIENT_DATA, COMPLIANT), Map.of())) {
            run(lab, Monitoring.class).assertThatEvents()
                    .haveExactly(1, event(test("rootRules"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.contains("Config has not evaluated root-account-mfa-enabled yet")))))
                    .haveExactly(1, event(test("cloudTrailLogs"), finishedWithFailure(instanceOf(AssertionError.class),
                            message(m -> m.contains("main (home region us-east-1) is not logging")))));
            assertThat(lab.lab().calls().get("111111111111")).containsEntry("config:DescribeComplianceByConfigRule", 1);
        }
    }

    @Test
    void withAWaitTheControlsPassOnceTheEvidenceSettles() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(false, false, true), INSUFFICIENT_DATA, INSUFFICIENT_DATA, COMPLIANT),
                Map.of("rootposture.await", "PT20S"))) {
            run(lab, Monitoring.class).assertThatEvents()
                    .haveExactly(1, event(test("rootRules"), finishedSuccessfully()))
                    .haveExactly(1, event(test("cloudTrailLogs"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootActivityAlarmed"), finishedSuccessfully()));
            assertThat(lab.lab().calls().get("111111111111"))
                    .containsEntry("config:DescribeComplianceByConfigRule", 3)
                    .containsEntry("cloudtrail:GetTrailStatus", 3);
        }
    }

    @Test
    void aWaitThatEndsIsUnableToAssessNamingWhatWasPending() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(false), INSUFFICIENT_DATA), Map.of("rootposture.await", "PT2S"))) {
            long start = System.nanoTime();
            run(lab, Monitoring.class).assertThatEvents()
                    .haveExactly(1, event(test("rootRules"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.contains("root-account-mfa-enabled was still INSUFFICIENT_DATA after PT2S")))))
                    .haveExactly(1, event(test("cloudTrailLogs"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.contains("main (home region us-east-1) was still not logging after PT2S")))));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(lab.lab().calls().get("111111111111").get("config:DescribeComplianceByConfigRule")).isGreaterThan(2);
        }
    }

    @Test
    void theAssertionsJudgeEveryRegionAndNameTheOneThatFails() {
        try (LabRun lab = LabRun.of(account(trail -> trail.logging(true), COMPLIANT), Map.of())) {
            run(lab, Assertions.class).assertThatEvents()
                    .haveExactly(1, event(test("noRootActivity"), finishedWithFailure(instanceOf(AssertionError.class),
                            message(m -> m.contains("active in eu-west-1")))))
                    .haveExactly(1, event(test("noRootActivityForAMoment"), finishedSuccessfully()))
                    .haveExactly(1, event(test("configRecords"), finishedWithFailure(instanceOf(AssertionError.class),
                            message(m -> m.contains("eu-west-1 is not recording")))))
                    .haveExactly(1, event(test("chain"), finishedSuccessfully()));
        }
    }

    @Test
    void theDemoOrganizationShowsEveryMonitoringVerdict() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            Events events = run(lab, Monitoring.class);
            events.assertThatEvents()
                    .haveExactly(1, event(test("noRecentRootActivity"), shownAs("555555555555 · data-lake · us-east-1"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("ConsoleLogin from 203.0.113.7")
                                    && !m.contains("RotateKey") && !m.contains("DescribeTrustedAdvisorChecks")))))
                    .haveExactly(1, event(test("noRecentRootActivity"), shownAs("777777777777 · security-tooling · ap-southeast-2"), finishedSuccessfully()))
                    .haveExactly(1, event(test("cloudTrailLogs"), shownAs("333333333333 · dev-sandbox"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootActivityAlarmed"), shownAs("111111111111 · management"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootActivityAlarmed"), shownAs("555555555555 · data-lake"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootActivityAlarmed"), shownAs("444444444444 · legacy-batch"), finishedSuccessfully()))
                    .haveExactly(1, event(test("noRecentRootActivity"), shownAs("222222222222 · prod-payments · us-east-1"), finishedSuccessfully()))
                    .haveExactly(1, event(test("configRecords"), shownAs("444444444444 · legacy-batch · eu-west-1"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("not recording")))))
                    .haveExactly(1, event(test("rootRules"), shownAs("222222222222 · prod-payments"),
                            finishedWithFailure(instanceOf(UnableToAssessException.class), message(m -> m.contains("Config has not evaluated")))))
                    .haveExactly(1, event(test("rootRules"), shownAs("444444444444 · legacy-batch"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("iam-root-access-key-check is NON_COMPLIANT")))))
                    .haveExactly(1, event(test("rootRules"), shownAs("333333333333 · dev-sandbox"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("No AWS Config root rule is deployed")))))
                    .haveExactly(1, event(test("rootRules"), shownAs("111111111111 · management"), finishedSuccessfully()));
        }
    }

    @RootPosture
    static class Monitoring {

        @CloudTrailLogsAllRegions
        void cloudTrailLogs(AwsAccount account) {
        }

        @NoRecentRootActivity
        void noRecentRootActivity(AwsAccount account) {
        }

        @RootActivityIsAlarmed
        void rootActivityAlarmed(AwsAccount account) {
        }

        @ConfigRecordsAllRegions
        void configRecords(AwsAccount account) {
        }

        @ConfigRootRulesCompliant
        void rootRules(AwsAccount account) {
        }
    }

    @RootPosture
    static class AnnotationsAndAssertions extends Monitoring {

        @ForEachAccount
        void assertions(AwsAccount account) {
            assertThat(account.cloudTrail()).logsAllRegions().alarmsOnRootActivity().hasNoRootActivityWithin(Duration.ofDays(1));
            assertThat(account.config()).rootRulesCompliant();
        }
    }

    @RootPosture
    static class Assertions {

        @ForEachAccount
        void noRootActivity(AwsAccount account) {
            assertThat(account.cloudTrail()).hasNoRootActivityWithin(Duration.ofDays(30));
        }

        @ForEachAccount
        void noRootActivityForAMoment(AwsAccount account) {
            assertThat(account.cloudTrail()).hasNoRootActivityWithin(Duration.ofDays(1));
        }

        @ForEachAccount
        void configRecords(AwsAccount account) {
            assertThat(account.config()).recordsAllRegions();
        }

        @ForEachAccount
        void chain(AwsAccount account) {
            assertThat(account.cloudTrail()).logsAllRegions().alarmsOnRootActivity();
            assertThat(account.config()).rootRulesCompliant();
        }
    }
}
