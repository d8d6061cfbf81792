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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.monitoring.RootFindingsAreAlerted;

/**
 * {@code guardduty.root-findings.alerted} through the extension, the real SDK and the lab's GuardDuty and EventBridge
 * (whose TestEventPattern answers decide every match): the demo organization's verdicts, the assertion, and a GuardDuty
 * administrator read in an account the run does not check.
 */
class GuardDutyRunTest {

    private static final String CONTROL = "guardduty.root-findings.alerted";

    private static RunVerdicts.Judged verdict(List<RunVerdicts.Judged> verdicts, String account, String region) {
        return RunVerdicts.find(verdicts, CONTROL, account, Optional.of(region));
    }

    @Test
    void theDemoOrganizationHasEveryVerdictAndNamesWhoseRuleAlerts() {
        List<RunVerdicts.Judged> verdicts;
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            verdicts = RunVerdicts.of(lab, Clock.systemUTC());
        }
        assertThat(verdict(verdicts, "777777777777", "us-east-1").verdict().detail())
                .contains("rule guardduty-all-findings on the default event bus of this account matches the sample");
        assertThat(verdict(verdicts, "222222222222", "eu-west-1").verdict().detail()).as("a prefix on the finding type")
                .contains("rule payments-policy-findings on the default event bus of this account", "arn:aws:sns:eu-west-1:222222222222:payments-security");
        assertThat(verdict(verdicts, "111111111111", "eu-west-1").verdict().detail()).as("the delegated administrator's rule")
                .contains("its findings go to the GuardDuty administrator account 777777777777 (guardduty:GetAdministratorAccount: relationship Enabled); "
                        + "rule guardduty-all-findings on the default event bus of the GuardDuty administrator account 777777777777");
        assertThat(verdict(verdicts, "666666666666", "us-east-1").verdict().outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict(verdicts, "141414141414", "us-east-1").verdict().outcome()).isEqualTo(Outcome.PASS);

        assertThat(verdict(verdicts, "777777777777", "ap-southeast-2").verdict().reason()).as("a numeric severity filter misses the Low finding")
                .startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n").contains("guardduty-medium-and-above");
        assertThat(verdict(verdicts, "444444444444", "us-east-1").verdict().reason()).as("anything-but the root usage type")
                .startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n").contains("batch-findings-but-root");
        assertThat(verdict(verdicts, "555555555555", "us-east-1").verdict().reason())
                .startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.\n")
                .contains("data-lake-root-usage", "Its GuardDuty administrator account 777777777777 does not receive its findings: the relationship is Resigned.");
        assertThat(verdict(verdicts, "333333333333", "us-east-1").verdict().reason()).startsWith("GuardDuty is not enabled in the region.");
        assertThat(verdict(verdicts, "141414141414", "eu-west-1").verdict().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict(verdicts, "888888888888", "eu-west-1").verdict().reason()).startsWith("guardduty:ListDetectors failed with AccessDeniedException.");
    }

    @Test
    void theAnnotationAndTheAssertionJudgeEveryRegion() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.include-accounts", "222222222222,777777777777"))) {
            Events events = lab.engine().selectors(selectClass(Alerts.class)).execute().testEvents();
            events.assertThatEvents()
                    .haveExactly(1, event(test("annotation"), shownAs("777777777777 · security-tooling · ap-southeast-2"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("guardduty-medium-and-above")))))
                    .haveExactly(1, event(test("annotation"), shownAs("777777777777 · security-tooling · us-east-1"), finishedSuccessfully()))
                    .haveExactly(1, event(test("assertion"), shownAs("222222222222 · prod-payments"), finishedSuccessfully()))
                    .haveExactly(1, event(test("assertion"), shownAs("777777777777 · security-tooling"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("ap-southeast-2")))));
        }
    }

    @Test
    void anAdministratorTheRunDoesNotCheckIsReadThroughTheAuditRoleOrNamedWhenItCannotBe() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "caller", "rootposture.regions", "us-east-1"))) {
            List<RunVerdicts.Judged> verdicts = RunVerdicts.of(lab, Clock.systemUTC());
            assertThat(verdict(verdicts, "111111111111", "us-east-1").verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(lab.lab().calls().get("777777777777")).containsKeys("events:ListRules", "events:TestEventPattern", "events:ListTargetsByRule")
                    .doesNotContainKey("guardduty:ListDetectors");
        }
        try (LabRun lab = LabRun.of(DemoOrganization.builder().account("777777777777", account -> account.notAssumable()).build(),
                Map.of("rootposture.targets", "caller", "rootposture.regions", "us-east-1"))) {
            RunVerdicts.Judged judged = verdict(RunVerdicts.of(lab, Clock.systemUTC()), "111111111111", "us-east-1");
            assertThat(judged.verdict().outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(judged.verdict().reason()).startsWith("The EventBridge rules of the GuardDuty administrator account cannot be read.\n")
                    .contains("sts:AssumeRole failed with AccessDenied", "add account 777777777777 to the run's targets");
        }
    }

    @RootPosture
    static class Alerts {

        @RootFindingsAreAlerted
        void annotation(AwsAccount account) {
        }

        @ForEachAccount
        void assertion(AwsAccount account) {
            assertThat(account.guardDuty()).alertsOnRootCredentialUsage();
        }
    }
}
