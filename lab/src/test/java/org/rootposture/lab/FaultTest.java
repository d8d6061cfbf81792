package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

class FaultTest {

    @Test
    void anAccessDeniedFaultAnswersEveryRequestWithThatErrorAndIsCounted() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.fault(Fault.error("iam:GetAccountSummary", "AccessDenied")
                .message("User: arn:aws:iam::111111111111:user/lab-auditor is not authorized to perform: iam:GetAccountSummary")))); LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(iam::getAccountSummary).isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("not authorized to perform: iam:GetAccountSummary");
                });
            }
            assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
            assertThat(lab.calls().get("111111111111")).containsEntry("iam:GetAccountSummary", 2).containsEntry("iam:ListAccountAliases", 1);
        }
    }

    @Test
    void aFaultWithTimesFailsThatManyRequestsThenTheOperationAnswers() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.accountSummary(Map.of("AccountMFAEnabled", 1))
                .fault(Fault.error("iam:GetAccountSummary", "Throttling").times(1)))); LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();

            assertThatThrownBy(iam::getAccountSummary).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.isThrottlingException()).isTrue();
            });
            assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1);
        }
    }

    @Test
    void theSdkRetriesAThrottledRequestAndSucceeds() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.fault(Fault.error("iam:ListAccountAliases", "ThrottlingException").times(1)))); IamClient iam = IamClient.builder()
                .endpointOverride(lab.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(LabClients.basic(lab.callerCredentials())))
                .overrideConfiguration(config -> config.retryStrategy(
                        AwsRetryStrategy.forRetryMode(RetryMode.STANDARD).toBuilder().maxAttempts(2).build()))
                .build()) {
            assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
            assertThat(lab.calls().get("111111111111")).containsEntry("iam:ListAccountAliases", 2);
        }
    }

    @Test
    void jsonProtocolsNameTheFaultTheJsonWay() {
        try (Lab lab = Lab.start(Fixture.builder().organization("o-test000001", Fixtures.MANAGEMENT)
                .account(Fixtures.MANAGEMENT, account -> account.fault("account:GetAlternateContact", "AccessDenied")
                        .fault("organizations:ListAccounts", "InternalFailure"))
                .build()); LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.account().getAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    });
            assertThatThrownBy(() -> clients.organizations().listAccounts()).isInstanceOfSatisfying(OrganizationsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            });
        }
    }

    @Test
    void anInternalFailureIsAServerError() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.fault("iam:GetAccountSummary", "InternalFailure")));
             LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.iam().getAccountSummary()).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            });
        }
    }

    @Test
    void faultsStayInTheirAccount() {
        try (Lab lab = Lab.start(Fixtures.organization(member -> member.fault("iam:ListAccountAliases", "AccessDenied")));
             LabClients clients = new LabClients(lab)) {
            assertThat(clients.iam().listAccountAliases().accountAliases()).isEmpty();
            assertThatThrownBy(() -> clients.iam(LabClients.basic(lab.credentialsFor("222222222222"))).listAccountAliases())
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }
}
