package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.demo.DemoOrganization;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The demo organization as an auditor in the management account sees it through the real SDK. */
class DemoOrganizationTest {

    private static Lab lab;
    private static LabClients clients;

    @BeforeAll
    static void start() {
        lab = Lab.start(DemoOrganization.fixture());
        clients = new LabClients(lab);
    }

    @AfterAll
    static void stop() {
        clients.close();
        lab.close();
    }

    private static AwsSessionCredentials assume(String accountId) {
        Credentials credentials = clients.sts().assumeRole(request -> request
                .roleArn("arn:aws:iam::" + accountId + ":role/RootPostureAudit").roleSessionName("root-posture")).credentials();
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    private static IamClient iam(String accountId) {
        return clients.iam(assume(accountId));
    }

    private static Map<String, String> rootRow(String accountId) {
        IamClient iam = iam(accountId);
        iam.generateCredentialReport();
        List<String> lines = iam.getCredentialReport().content().asUtf8String().lines().toList();
        String[] names = lines.get(0).split(",");
        String[] values = lines.get(1).split(",", -1);
        assertThat(values[0]).isEqualTo("<root_account>");
        return IntStream.range(0, names.length).boxed().collect(Collectors.toMap(i -> names[i], i -> values[i]));
    }

    private static String daysBeforeStart(int days) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC)
                .format(lab.startedAt().atZone(ZoneOffset.UTC).minusDays(days));
    }

    @Test
    void theOrganizationListsElevenAccountsOneOfThemSuspended() {
        List<Account> accounts = clients.organizations().listAccountsPaginator(request -> { }).stream()
                .flatMap(page -> page.accounts().stream()).toList();

        assertThat(accounts).hasSize(11);
        assertThat(accounts.subList(0, 8)).extracting(Account::id).containsExactly(Arrays.stream("12345678".split(""))
                .map(digit -> digit.repeat(12)).toArray(String[]::new));
        assertThat(accounts.subList(8, 11)).extracting(Account::id).containsExactly("121212121212", "131313131313", "141414141414");
        assertThat(accounts).filteredOn(account -> account.statusAsString().equals("ACTIVE")).hasSize(10);
        assertThat(accounts).filteredOn(account -> !account.statusAsString().equals("ACTIVE")).singleElement()
                .satisfies(account -> {
                    assertThat(account.name()).isEqualTo("closed-experiment");
                    assertThat(account.statusAsString()).isEqualTo("SUSPENDED");
                    assertThat(account.stateAsString()).isEqualTo("SUSPENDED");
                });
        assertThat(clients.organizations().describeOrganization().organization().id()).isEqualTo("o-demo000001");
    }

    @Test
    void everyActiveAccountButTheVendorSandboxIsAssumableAndHasItsAlias() {
        for (Account account : clients.organizations().listAccounts().accounts()) {
            if (account.statusAsString().equals("ACTIVE") && !account.id().equals("131313131313")) {
                assertThat(iam(account.id()).listAccountAliases().accountAliases()).containsExactly("acme-" + account.name());
            } else {
                assertThatThrownBy(() -> assume(account.id())).isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            }
        }
    }

    @Test
    void managementIsCompliantAfterAGenerationSequence() {
        IamClient iam = iam("111111111111");
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0);
        assertThat(iam.listVirtualMFADevicesPaginator(request -> { }).virtualMFADevices())
                .noneMatch(device -> device.user() != null && device.user().arn().endsWith(":root"));
        assertThat(rootRow("111111111111")).containsEntry("password_last_used", daysBeforeStart(200)).containsEntry("mfa_active", "true");
    }

    @Test
    void prodPaymentsRootUsesAVirtualDeviceWithACustomName() {
        List<VirtualMFADevice> devices = iam("222222222222").listVirtualMFADevicesPaginator(request -> { }).virtualMFADevices().stream().toList();

        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::222222222222:mfa/payments-break-glass");
            assertThat(device.user().arn()).isEqualTo("arn:aws:iam::222222222222:root");
        });
    }

    @Test
    void devSandboxHasNoMfaAndNoSecurityContact() {
        assertThat(iam("333333333333").getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0);
        assertThatThrownBy(() -> clients.account(assume("333333333333"))
                .getAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void legacyBatchHasAnInactiveRootAccessKey() {
        assertThat(iam("444444444444").getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1);
        assertThat(rootRow("444444444444"))
                .containsEntry("access_key_1_active", "false")
                .containsEntry("access_key_1_last_rotated", daysBeforeStart(900))
                .containsEntry("access_key_1_last_used_date", daysBeforeStart(400))
                .containsEntry("access_key_1_last_used_region", "us-east-1")
                .containsEntry("access_key_1_last_used_service", "s3");
    }

    @Test
    void dataLakeRootWasUsedLastWeek() {
        assertThat(rootRow("555555555555")).containsEntry("password_last_used", daysBeforeStart(7));
    }

    @Test
    void workloadsSharedRootHasNoCredentials() {
        assertThat(iam("666666666666").getAccountSummary().summaryMap())
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0)
                .containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 0);
        assertThat(rootRow("666666666666")).containsEntry("password_enabled", "false").containsEntry("mfa_active", "false");
    }

    @Test
    void securityToolingHasARootCertificateAndAMisleadinglyNamedUserDevice() {
        assertThat(rootRow("777777777777")).containsEntry("cert_1_active", "true").containsEntry("cert_1_last_rotated", daysBeforeStart(120));
        assertThat(iam("777777777777").listVirtualMFADevicesPaginator(request -> { }).virtualMFADevices()).singleElement().satisfies(device -> {
            assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::777777777777:mfa/root-account-mfa-device");
            assertThat(device.user().arn()).isEqualTo("arn:aws:iam::777777777777:user/rootops");
        });
    }

    @Test
    void auditRestrictedThrottlesMfaDevicesAndDeniesContacts() {
        AwsSessionCredentials credentials = assume("888888888888");

        assertThatThrownBy(() -> clients.iam(credentials).listVirtualMFADevices())
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.isThrottlingException()).isTrue());
        assertThatThrownBy(() -> clients.account(credentials).getAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
        assertThat(clients.iam(credentials).getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1);
    }
}
