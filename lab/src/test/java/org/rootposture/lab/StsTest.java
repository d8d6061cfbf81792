package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Account;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {

    private final Lab lab = Lab.start(Fixtures.organization(member -> member.accountSummary(Map.of("AccountMFAEnabled", 0, "Users", 7))));
    private final LabClients clients = new LabClients(lab);

    @AfterEach
    void close() {
        clients.close();
        lab.close();
    }

    @Test
    void callerIsTheManagementAccountsAuditor() {
        GetCallerIdentityResponse identity = clients.sts().getCallerIdentity();

        assertThat(identity.account()).isEqualTo("111111111111");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::111111111111:user/lab-auditor");
        assertThat(identity.userId()).startsWith("AIDA");
        assertThat(lab.callerCredentials().accessKeyId()).isEqualTo("AKIALAB0111111111111").hasSize(20);
        assertThat(lab.callerCredentials().secretAccessKey()).isEqualTo("labSecretKey/111111111111/EXAMPLE");
    }

    @Test
    void credentialsOfAnotherAccountActAsThatAccount() {
        GetCallerIdentityResponse identity = clients.sts(LabClients.basic(lab.credentialsFor("222222222222"))).getCallerIdentity();

        assertThat(identity.account()).isEqualTo("222222222222");
        assertThatThrownBy(() -> lab.credentialsFor("999999999999")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999999999999");
    }

    @Test
    void anAssumedRoleCallsAsTheMemberAccount() {
        Instant before = Instant.now().minusSeconds(1);
        AssumeRoleResponse assumed = clients.sts().assumeRole(request -> request
                .roleArn("arn:aws:iam::222222222222:role/RootPostureAudit").roleSessionName("root-posture"));
        Credentials credentials = assumed.credentials();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIALAB0222222222222");
        assertThat(credentials.secretAccessKey()).isEqualTo("labSecretKey/222222222222/EXAMPLE");
        assertThat(credentials.sessionToken()).startsWith("LabSessionToken/222222222222/");
        assertThat(credentials.expiration()).isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/RootPostureAudit/root-posture");

        AwsSessionCredentials session = AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        assertThat(clients.sts(session).getCallerIdentity().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/RootPostureAudit/root-posture");
        assertThat(clients.iam(session).getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.USERS, 7)
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0);
        assertThat(lab.calls().get("222222222222")).containsEntry("iam:GetAccountSummary", 1).containsEntry("sts:GetCallerIdentity", 1);
        assertThat(lab.calls().get("111111111111")).containsEntry("sts:AssumeRole", 1).doesNotContainKey("iam:GetAccountSummary");
    }

    @Test
    void aSessionTokenTheLabDidNotIssueIsRejected() {
        AwsSessionCredentials forged = AwsSessionCredentials.create("ASIALAB0222222222222", "labSecretKey/222222222222/EXAMPLE",
                "LabSessionToken/222222222222/forged");

        assertThatThrownBy(() -> clients.sts(forged).getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(e.statusCode()).isEqualTo(403);
                });
    }

    @Test
    void assumingARoleInAnAccountThatIsNotAssumableIsDenied() {
        try (Lab locked = Lab.start(Fixtures.organization(Account.Builder::notAssumable)); LabClients lockedClients = new LabClients(locked)) {
            String roleArn = "arn:aws:iam::222222222222:role/RootPostureAudit";

            assertThatThrownBy(() -> lockedClients.sts().assumeRole(request -> request.roleArn(roleArn).roleSessionName("audit")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/lab-auditor is not authorized "
                                + "to perform: sts:AssumeRole on resource: " + roleArn);
                    });
        }
    }

    @Test
    void assumingARoleInAnUnknownAccountIsDenied() {
        assertThatThrownBy(() -> clients.sts().assumeRole(request -> request
                .roleArn("arn:aws:iam::999999999999:role/RootPostureAudit").roleSessionName("audit")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void aMalformedRoleArnIsAValidationError() {
        assertThatThrownBy(() -> clients.sts().assumeRole(request -> request.roleArn("not-an-arn").roleSessionName("audit")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
