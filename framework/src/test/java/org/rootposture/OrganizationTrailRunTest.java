package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.rootposture.ShownAs.shownAs;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.lab.fixture.Fixture;

/**
 * An AWS Control Tower-shaped organization: the organization trail and its CloudWatch Logs log group live in the
 * management account, the members see only the shadow trail. Each member's {@code alarm.root-usage} is the verdict
 * of the alarm chain in the management account, judged there, read once, and said so.
 */
class OrganizationTrailRunTest {

    private static final String CIS = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";
    private static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:root-activity-alerts";
    private static final String ALARM = "alarm.root-usage";

    private static Fixture controlTower(List<String> alarmActions, boolean managementAssumable) {
        return Fixture.builder()
                .organization("o-ctower00001", "111111111111")
                .account("111111111111", account -> {
                    account.name("management")
                            .trail("aws-controltower-BaselineCloudTrail", trail -> trail.multiRegion(true).organizationTrail(true)
                                    .logGroup("aws-controltower/CloudTrailLogs"))
                            .metricFilter("aws-controltower/CloudTrailLogs", "RootAccountUsage", CIS, "RootAccountUsageCount", "CISBenchmark")
                            .alarm("CIS-RootAccountUsage", "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.actions(alarmActions.toArray(String[]::new)))
                            .subscription(TOPIC, "security@example.com");
                    if (!managementAssumable) {
                        account.notAssumable();
                    }
                })
                .account("222222222222", account -> account.name("workload-a"))
                .account("333333333333", account -> account.name("workload-b"))
                .build();
    }

    private static Fixture complete() {
        return controlTower(List.of(TOPIC), true);
    }

    @Test
    void membersSeeingOnlyTheShadowTrailPassWithTheManagementAccountsCompleteChainReadOnce() {
        try (LabRun lab = LabRun.of(complete(), Map.of("rootposture.targets", "organization"))) {
            List<RunVerdicts.Judged> verdicts = RunVerdicts.of(lab, Clock.systemUTC());

            for (String member : List.of("222222222222", "333333333333")) {
                RunVerdicts.Judged alarm = RunVerdicts.find(verdicts, ALARM, member, Optional.empty());
                assertThat(alarm.verdict().outcome()).isEqualTo(Outcome.PASS);
                assertThat(alarm.verdict().reason()).isEqualTo("Root usage raises an alarm that reaches a confirmed subscriber.\n"
                        + "Covered by organization trail aws-controltower-BaselineCloudTrail, log group aws-controltower/CloudTrailLogs (us-east-1) "
                        + "in account 111111111111: metric filter RootAccountUsage → metric CISBenchmark/RootAccountUsageCount → alarm "
                        + "CIS-RootAccountUsage → SNS topic " + TOPIC + " with 1 confirmed subscriber (email s*******@example.com).");
                assertThat(lab.lab().calls().get(member)).doesNotContainKeys("logs:DescribeMetricFilters", "monitoring:DescribeAlarmsForMetric");
            }
            assertThat(RunVerdicts.find(verdicts, ALARM, "111111111111", Optional.empty()).verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(lab.lab().calls().get("111111111111")).as("the owner's chain is read once for the whole organization")
                    .containsEntry("logs:DescribeMetricFilters", 1)
                    .containsEntry("monitoring:DescribeAlarmsForMetric", 1)
                    .containsEntry("sns:ListSubscriptionsByTopic", 1);
        }
    }

    @Test
    void membersFailWhenTheOwnersAlarmHasNoActionAndSoDoTeamChecksBuiltOnIt() {
        try (LabRun lab = LabRun.of(controlTower(List.of(), true), Map.of("rootposture.targets", "organization"))) {
            List<RunVerdicts.Judged> verdicts = RunVerdicts.of(lab, Clock.systemUTC());
            for (String account : List.of("111111111111", "222222222222", "333333333333")) {
                RunVerdicts.Judged alarm = RunVerdicts.find(verdicts, ALARM, account, Optional.empty());
                assertThat(alarm.verdict().outcome()).isEqualTo(Outcome.FAIL);
                assertThat(alarm.firstLine()).isEqualTo("The root usage alarm has no alarm action.");
            }
            assertThat(RunVerdicts.find(verdicts, ALARM, "222222222222", Optional.empty()).verdict().reason())
                    .contains("Covered by organization trail aws-controltower-BaselineCloudTrail, log group aws-controltower/CloudTrailLogs "
                            + "(us-east-1) in account 111111111111: alarm CIS-RootAccountUsage on CISBenchmark/RootAccountUsageCount has no alarm action");

            lab.engine().selectors(selectClass(TeamCheck.class)).execute().testEvents().assertThatEvents()
                    .haveExactly(1, event(test("watched"), shownAs("222222222222 · workload-a"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith("The root usage alarm has no alarm action.")))));
        }
    }

    @Test
    void anOwnerThatIsNotATargetIsReadThroughTheCallerAndARecordedRunReplaysTheSameVerdict(@TempDir Path folder) throws IOException {
        Path snapshot = folder.resolve("evidence.json");
        RunVerdicts.Judged recorded;
        try (LabRun lab = LabRun.of(complete(), Map.of("rootposture.targets", "222222222222", "rootposture.record", snapshot.toString()))) {
            recorded = RunVerdicts.find(RunVerdicts.of(lab, Clock.systemUTC()), ALARM, "222222222222", Optional.empty());
            assertThat(recorded.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(lab.lab().calls().get("111111111111")).containsEntry("logs:DescribeMetricFilters", 1);
        }
        assertThat(Files.readString(snapshot)).contains("\"alsoRead\" : {\n    \"111111111111\"", "monitoring.metricFilters[us-east-1, aws-controltower/CloudTrailLogs]");

        try (LabRun lab = LabRun.of(complete(), Map.of("rootposture.replay", snapshot.toString()))) {
            RunVerdicts.Judged replayed = RunVerdicts.find(RunVerdicts.of(lab, Clock.systemUTC()), ALARM, "222222222222", Optional.empty());
            assertThat(replayed.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(replayed.verdict().reason()).isEqualTo(recorded.verdict().reason());
            assertThat(lab.lab().totalCalls()).isZero();
        }
    }

    @Test
    void anOwnerThatCannotBeReadIsUnableToAssessNamingItAndWhatToAdd() {
        try (LabRun lab = LabRun.of(controlTower(List.of(TOPIC), false), Map.of("rootposture.targets", "caller"))) {
            RunVerdicts.Judged alarm = RunVerdicts.find(RunVerdicts.of(lab.as("222222222222"), Clock.systemUTC()), ALARM, "222222222222",
                    Optional.empty());

            assertThat(alarm.verdict().outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(alarm.verdict().reason()).startsWith("The account that owns the trail's log group cannot be read.\n"
                            + "No complete root usage alarm chain could be confirmed: Covered by organization trail aws-controltower-BaselineCloudTrail, "
                            + "log group aws-controltower/CloudTrailLogs (us-east-1) in account 111111111111: its metric filter, alarm and subscribers "
                            + "can only be read in account 111111111111, and reading them failed (sts:AssumeRole failed with AccessDenied")
                    .endsWith("add account 111111111111 to the run's targets, or let the run's audit role (rootposture.role) be assumed in it.");
        }
    }

    @RootPosture
    static class TeamCheck {

        @ForEachAccount
        @Control(id = "acme.root.watched", title = "Root activity is watched")
        void watched(AwsAccount account) {
            assertThat(account.cloudTrail()).alarmsOnRootActivity();
        }
    }
}
