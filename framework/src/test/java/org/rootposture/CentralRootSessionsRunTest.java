package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_SESSIONS;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.TaskPolicy;

/**
 * Central root sessions ({@code sts:AssumeRoot}) act in member accounts as the root principal. Their events are not
 * use of the root user's credentials: root activity lists them apart, with who opened each session, and does not fail
 * on them, while a root console sign-in still fails. The framework opens its own audit sessions only when
 * {@code rootposture.root-sessions} is true, and its next run does not fail on what they left in CloudTrail.
 */
class CentralRootSessionsRunTest {

    private static final String ACTIVITY = "trail.root-activity.none-recent";
    private static final Optional<String> US_EAST_1 = Optional.of("us-east-1");
    private static final String OPENED_BY = "arn:aws:sts::111111111111:assumed-role/PlatformAdmin/jane.doe";
    private static final Fixture ORGANIZATION = Fixture.builder()
            .organization("o-sessions001", "111111111111", org -> org.features(ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS))
            .account("111111111111", account -> account.name("management"))
            .account("222222222222", account -> account.name("unlocked-bucket")
                    .rootSession(daysAgo(2), TaskPolicy.S3_UNLOCK_BUCKET_POLICY, List.of("s3:GetBucketPolicy", "s3:DeleteBucketPolicy"),
                            session -> session.openedBy(OPENED_BY))
                    .rootSession(daysAgo(5), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS, List.of("iam:ListAccessKeys")))
            .account("333333333333", account -> account.name("signed-in")
                    .rootEvent(daysAgo(1), "ConsoleLogin", event -> event.sourceIp("203.0.113.7"))
                    .rootSession(daysAgo(3), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS, List.of("iam:GetLoginProfile"), session -> session.openedBy(OPENED_BY)))
            .build();

    @Test
    void sessionEventsWithAndWithoutTheirAssumeRootDoNotFailButARootSignInBesideThemDoes() {
        try (LabRun lab = LabRun.of(ORGANIZATION, Map.of("rootposture.targets", "organization"))) {
            List<RunVerdicts.Judged> verdicts = RunVerdicts.of(lab, Clock.systemUTC());

            RunVerdicts.Judged sessionsOnly = RunVerdicts.find(verdicts, ACTIVITY, "222222222222", US_EAST_1);
            assertThat(sessionsOnly.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(sessionsOnly.firstLine()).isEqualTo("Only central root sessions acted as the root user within the window; its own credentials were not used.");
            assertThat(sessionsOnly.verdict().reason())
                    .contains("3 events of central root sessions", "by " + OPENED_BY + " for the task S3UnlockBucketPolicy: 2 actions from ",
                            "(GetBucketPolicy, DeleteBucketPolicy)",
                            "1 action at ", "(ListAccessKeys), where no AssumeRoot event of the management account 111111111111 in us-east-1 opened it");

            RunVerdicts.Judged signedIn = RunVerdicts.find(verdicts, ACTIVITY, "333333333333", US_EAST_1);
            assertThat(signedIn.verdict().outcome()).isEqualTo(Outcome.FAIL);
            assertThat(signedIn.firstLine()).isEqualTo("The root user's own credentials were used within the window.");
            assertThat(signedIn.verdict().reason()).contains("ConsoleLogin from 203.0.113.7", "Besides, 1 event of central root sessions",
                    "by " + OPENED_BY + " for the task IAMAuditRootUserCredentials: 1 action at ");
        }
    }

    @Test
    void withoutRootSessionsNoneIsOpenedAndTheCredentialReportDecidesSayingHowToEnableThem() {
        try (LabRun lab = LabRun.of(ORGANIZATION, Map.of("rootposture.targets", "organization"))) {
            RunVerdicts.Judged absent = RunVerdicts.find(RunVerdicts.of(lab, Clock.systemUTC()), "root.credentials.absent", "222222222222", Optional.empty());

            assertThat(absent.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(absent.verdict().reason()).contains("From the account summary and the IAM credential report, as this run opens no root session "
                    + "(rootposture.root-sessions=true would read the root user directly through an sts:AssumeRoot session).");
            assertThat(lab.lab().calls().values()).noneMatch(byOperation -> byOperation.containsKey("sts:AssumeRoot")
                    || byOperation.containsKey("iam:ListAccessKeys"));
        }
    }

    @Test
    void aRunWithRootSessionsLeavesEventsThatTheNextRunListsButDoesNotFailOn() {
        Fixture quiet = Fixture.builder()
                .organization("o-sessions001", "111111111111", org -> org.features(ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS))
                .account("111111111111", account -> account.name("management"))
                .account("222222222222", account -> account.name("removed-root"))
                .account("333333333333", account -> account.name("other"))
                .build();
        try (LabRun lab = LabRun.of(quiet, Map.of("rootposture.targets", "organization", "rootposture.root-sessions", "true"))) {
            List<RunVerdicts.Judged> first = RunVerdicts.of(lab, Clock.systemUTC());
            RunVerdicts.Judged inventory = RunVerdicts.find(first, "root.credentials.absent", "222222222222", Optional.empty());
            assertThat(inventory.verdict().reason()).contains("an sts:AssumeRoot session with the IAMAuditRootUserCredentials task policy");
            assertThat(lab.lab().calls().get("111111111111")).containsEntry("sts:AssumeRoot", 2);

            List<RunVerdicts.Judged> second = RunVerdicts.of(lab.with("rootposture.root-sessions", "false"), Clock.systemUTC());
            RunVerdicts.Judged activity = RunVerdicts.find(second, ACTIVITY, "222222222222", US_EAST_1);
            assertThat(activity.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(activity.verdict().reason()).contains("4 events of central root sessions", "a session opened at ",
                    " by arn:aws:iam::111111111111:user/lab-auditor for the task IAMAuditRootUserCredentials: 4 actions from ",
                    "GetLoginProfile", "ListAccessKeys", "ListMFADevices", "ListSigningCertificates");
            assertThat(lab.lab().calls().get("111111111111")).as("no root session in the second run").containsEntry("sts:AssumeRoot", 2);
        }
    }

    @Test
    void theDemoOrganizationShowsOneCentralRootSessionWithWhoOpenedIt() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "222222222222,555555555555"))) {
            List<RunVerdicts.Judged> verdicts = RunVerdicts.of(lab, Clock.systemUTC());
            RunVerdicts.Judged payments = RunVerdicts.find(verdicts, ACTIVITY, "222222222222", US_EAST_1);
            assertThat(payments.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(payments.verdict().reason()).contains("a session opened at ",
                    " by arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_PlatformAdmin_0a1b2c3d4e5f6789/jane.doe for the task "
                            + "S3UnlockBucketPolicy: 2 actions from ");
            assertThat(RunVerdicts.find(verdicts, ACTIVITY, "555555555555", US_EAST_1).verdict().outcome()).isEqualTo(Outcome.FAIL);
        }
    }
}
