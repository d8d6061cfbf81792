package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.Account.Status.SUSPENDED;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_SESSIONS;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.ACTIVE;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.INACTIVE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.TaskPolicy;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AccountNotManagementOrDelegatedAdministratorException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OrganizationNotFoundException;
import software.amazon.awssdk.services.iam.model.OrganizationNotInAllFeaturesModeException;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

class RootAccessTest {

    static final String AUDIT = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";

    private final Lab lab = Lab.start(organization(org -> org.features(ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS)));
    private final LabClients clients = new LabClients(lab);

    @AfterEach
    void close() {
        clients.close();
        lab.close();
    }

    @Test
    void theManagementAccountAndADelegatedAdministratorSeeTheEnabledFeatures() {
        ListOrganizationsFeaturesResponse features = clients.iam().listOrganizationsFeatures(request -> { });

        assertThat(features.organizationId()).isEqualTo("o-test000001");
        assertThat(features.enabledFeatures()).containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);
        assertThat(clients.iam(LabClients.basic(lab.credentialsFor("444444444444"))).listOrganizationsFeatures(request -> { }).enabledFeatures())
                .hasSize(2);
    }

    @Test
    void aMemberAccountIsNotTheManagementAccountOrADelegatedAdministrator() {
        IamClient member = clients.iam(LabClients.basic(lab.credentialsFor("222222222222")));

        assertThatThrownBy(() -> member.listOrganizationsFeatures(request -> { }))
                .isInstanceOfSatisfying(AccountNotManagementOrDelegatedAdministratorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccountNotManagementOrDelegatedAdministratorException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("not the management account or delegated administrator");
                });
    }

    @Test
    void withoutFeaturesTheListIsEmptyAndWithoutAnOrganizationThereIsNone() {
        try (Lab none = Lab.start(organization(org -> { })); LabClients noneClients = new LabClients(none)) {
            assertThat(noneClients.iam().listOrganizationsFeatures(request -> { }).enabledFeatures()).isEmpty();
        }
        try (Lab single = Lab.start(Fixtures.single()); LabClients singleClients = new LabClients(single)) {
            assertThatThrownBy(() -> singleClients.iam().listOrganizationsFeatures(request -> { }))
                    .isInstanceOfSatisfying(OrganizationNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OrganizationNotFoundException");
                    });
        }
        try (Lab billing = Lab.start(organization(org -> org.featureSet(Organization.FeatureSet.CONSOLIDATED_BILLING)));
             LabClients billingClients = new LabClients(billing)) {
            assertThatThrownBy(() -> billingClients.iam().listOrganizationsFeatures(request -> { }))
                    .isInstanceOf(OrganizationNotInAllFeaturesModeException.class);
        }
    }

    @Test
    void theManagementAccountOpensARootSessionInAMember() {
        Instant before = Instant.now().minusSeconds(1);
        AssumeRootResponse assumed = assumeRoot(clients.sts(), "222222222222", AUDIT, 600);
        Credentials credentials = assumed.credentials();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIALAB1222222222222").hasSize(20);
        assertThat(credentials.secretAccessKey()).isEqualTo("labSecretKey/222222222222/ROOT/EXAMPLE");
        assertThat(credentials.sessionToken()).startsWith("LabRootSessionToken/222222222222/");
        assertThat(credentials.expiration()).isBetween(before.plusSeconds(600), Instant.now().plusSeconds(600));
        assertThat(assumed.sourceIdentity()).isEqualTo("lab-auditor");
        AwsSessionCredentials root = session(assumed);
        assertThat(clients.sts(root).getCallerIdentity()).satisfies(identity -> {
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::222222222222:root");
            assertThat(identity.account()).isEqualTo("222222222222");
            assertThat(identity.userId()).isEqualTo("222222222222");
        });
        assertThat(lab.calls().get("222222222222")).containsEntry("sts:GetCallerIdentity", 1);
        assertThat(lab.calls().get("111111111111")).containsEntry("sts:AssumeRoot", 1).doesNotContainKey("sts:GetCallerIdentity");
    }

    @Test
    void theTargetMayBeTheRootUsersArnAndTheDurationDefaultsToFifteenMinutes() {
        Instant before = Instant.now().minusSeconds(1);
        Credentials credentials = clients.sts().assumeRoot(request -> request.targetPrincipal("arn:aws:iam::333333333333:root")
                .taskPolicyArn(policy -> policy.arn(AUDIT))).credentials();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIALAB1333333333333");
        assertThat(credentials.expiration()).isBetween(before.plusSeconds(900), Instant.now().plusSeconds(900));
    }

    @Test
    void aDelegatedAdministratorMayOpenARootSessionButOtherMembersMayNot() {
        StsClient delegated = clients.sts(LabClients.basic(lab.credentialsFor("444444444444")));
        StsClient member = clients.sts(LabClients.basic(lab.credentialsFor("333333333333")));

        assertThat(assumeRoot(delegated, "222222222222", AUDIT, 900).credentials().accessKeyId()).isEqualTo("ASIALAB1222222222222");
        assertThatThrownBy(() -> assumeRoot(member, "222222222222", AUDIT, 900)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::333333333333:user/lab-auditor is not authorized to perform: "
                    + "sts:AssumeRoot on resource: arn:aws:iam::222222222222:root because").contains("not the management account");
        });
    }

    @Test
    void withoutRootSessionsAssumeRootIsDenied() {
        try (Lab managed = Lab.start(organization(org -> org.features(ROOT_CREDENTIALS_MANAGEMENT)));
             LabClients managedClients = new LabClients(managed)) {
            assertThatThrownBy(() -> assumeRoot(managedClients.sts(), "222222222222", AUDIT, 900)).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).contains("RootSessions");
            });
        }
    }

    @Test
    void theManagementAccountSuspendedAndUnknownAccountsCannotBeTargeted() {
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "111111111111", AUDIT, 900)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("management account");
        });
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "555555555555", AUDIT, 900)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("SUSPENDED");
        });
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "999999999999", AUDIT, 900)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("not a member of the organization");
        });
    }

    @Test
    void onlyTheFiveRootTaskPoliciesAndAtMostFifteenMinutesAreValid() {
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "222222222222", "arn:aws:iam::aws:policy/AdministratorAccess", 900))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("arn:aws:iam::aws:policy/AdministratorAccess");
                });
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "222222222222", AUDIT, 901)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).contains("'901' at 'durationSeconds'").contains("less than or equal to 900");
        });
        assertThatThrownBy(() -> assumeRoot(clients.sts(), "not-an-account", AUDIT, 900)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        for (TaskPolicy policy : TaskPolicy.values()) {
            assertThat(assumeRoot(clients.sts(), "222222222222", policy.arn(), 60).credentials().accessKeyId()).isEqualTo("ASIALAB1222222222222");
        }
        assertThat(TaskPolicy.values()).extracting(TaskPolicy::arn).containsExactly(
                "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials", "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
                "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials", "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
                "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy");
    }

    @Test
    void aRootSessionReadsTheRootUsersLoginProfile() {
        IamClient root = rootIam("222222222222");

        LoginProfile profile = root.getLoginProfile(request -> { }).loginProfile();

        assertThat(profile.createDate()).isEqualTo(daysBeforeStart(30));
        assertThat(profile.passwordResetRequired()).isFalse();
        assertThatThrownBy(() -> rootIam("333333333333").getLoginProfile(request -> { })).isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Login Profile for User root cannot be found.");
        });
    }

    @Test
    void aRootSessionPagesThroughTheRootUsersAccessKeys() {
        List<AccessKeyMetadata> keys = rootIam("222222222222").listAccessKeysPaginator(request -> { }).accessKeyMetadata().stream().toList();

        assertThat(keys).extracting(AccessKeyMetadata::accessKeyId).containsExactly("AKIALABROOT222200001", "AKIALABROOT222200002");
        assertThat(keys).extracting(AccessKeyMetadata::status).containsExactly(StatusType.INACTIVE, StatusType.ACTIVE);
        assertThat(keys.get(0).createDate()).isEqualTo(daysBeforeStart(900));
        assertThat(keys.get(0).userName()).isNull();
        assertThat(lab.calls().get("222222222222")).containsEntry("iam:ListAccessKeys", 2);
        assertThat(rootIam("333333333333").listAccessKeys().accessKeyMetadata()).isEmpty();
    }

    @Test
    void aRootSessionListsHardwareVirtualAndFidoDevices() {
        List<MFADevice> devices = rootIam("222222222222").listMFADevicesPaginator(request -> { }).mfaDevices().stream().toList();

        assertThat(devices).extracting(MFADevice::serialNumber).containsExactly("GAHT12345678", "arn:aws:iam::222222222222:mfa/root-device",
                "arn:aws:iam::222222222222:u2f/root/yubikey-LABFIDO0001");
        assertThat(devices).extracting(MFADevice::enableDate).containsExactly(daysBeforeStart(300), daysBeforeStart(90), daysBeforeStart(5));
        assertThat(rootIam("333333333333").listMFADevices().mfaDevices()).isEmpty();
    }

    @Test
    void aRootSessionListsTheRootUsersSigningCertificates() {
        List<SigningCertificate> certificates = rootIam("222222222222").listSigningCertificatesPaginator(request -> { }).certificates().stream().toList();

        assertThat(certificates).singleElement().satisfies(certificate -> {
            assertThat(certificate.certificateId()).isEqualTo("LABROOTCERT22220000000000000001");
            assertThat(certificate.status()).isEqualTo(StatusType.ACTIVE);
            assertThat(certificate.uploadDate()).isEqualTo(daysBeforeStart(120));
        });
        assertThat(rootIam("333333333333").listSigningCertificates().certificates()).isEmpty();
    }

    @Test
    void theAuditTaskPolicyAllowsNoOtherCall() {
        AwsSessionCredentials root = session(assumeRoot(clients.sts(), "222222222222", AUDIT, 900));

        assertThatThrownBy(() -> clients.iam(root).getAccountSummary()).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::222222222222:root is not authorized to perform: "
                    + "iam:GetAccountSummary because no session policy allows the iam:GetAccountSummary action");
        });
        assertThatThrownBy(() -> clients.iam(root).listVirtualMFADevices()).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> clients.organizations(root).describeOrganization()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assumeRoot(clients.sts(root), "333333333333", AUDIT, 900)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(lab.calls().get("222222222222")).containsEntry("iam:GetAccountSummary", 1).containsEntry("sts:AssumeRoot", 1);
    }

    @Test
    void anotherTaskPolicyDoesNotAllowTheAudit() {
        AwsSessionCredentials unlock = session(assumeRoot(clients.sts(), "222222222222", "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy", 900));
        AwsSessionCredentials password = session(assumeRoot(clients.sts(), "222222222222",
                "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword", 900));

        assertThatThrownBy(() -> clients.iam(unlock).listAccessKeys()).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(clients.iam(password).getLoginProfile(request -> { }).loginProfile()).isNotNull();
        assertThatThrownBy(() -> clients.iam(password).listAccessKeys()).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void withoutARootSessionTheRootUsersCredentialsAreNotServed() {
        assertThatThrownBy(() -> clients.iam().getLoginProfile(request -> { })).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        });
        assertThatThrownBy(() -> clients.iam().listAccessKeys(request -> request.userName("alice")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> rootIam("222222222222").listMFADevices(request -> request.userName("alice"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aRootSessionExpires() {
        AwsSessionCredentials expired = session(assumeRoot(clients.sts(), "222222222222", AUDIT, 0));

        assertThatThrownBy(() -> clients.iam(expired).listAccessKeys()).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
    }

    private static AssumeRootResponse assumeRoot(StsClient sts, String target, String policyArn, int seconds) {
        return sts.assumeRoot(request -> request.targetPrincipal(target).taskPolicyArn(policy -> policy.arn(policyArn)).durationSeconds(seconds));
    }

    static AwsSessionCredentials session(AssumeRootResponse assumed) {
        Credentials credentials = assumed.credentials();
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    private IamClient rootIam(String accountId) {
        return clients.iam(session(assumeRoot(clients.sts(), accountId, AUDIT, 900)));
    }

    private Instant daysBeforeStart(int days) {
        return lab.startedAt().atZone(ZoneOffset.UTC).minusDays(days).toInstant();
    }

    /** An organization with a delegated administrator of centralized root access, whose member 222222222222 has every kind of root credential. */
    private static Fixture organization(Consumer<Organization.Builder> features) {
        return Fixture.builder()
                .organization("o-test000001", "111111111111", org -> features.accept(org.delegatedAdministrator("444444444444")))
                .pageSize(1)
                .account("111111111111", account -> account.name("management").rootPassword())
                .account("222222222222", account -> account.name("member").notAssumable()
                        .rootPassword(daysAgo(30))
                        .rootAccessKey("AKIALABROOT222200001", INACTIVE, daysAgo(900))
                        .rootAccessKey("AKIALABROOT222200002", ACTIVE, daysAgo(10))
                        .rootMfaDevice("GAHT12345678", daysAgo(300))
                        .rootMfaDevice("arn:aws:iam::222222222222:mfa/root-device")
                        .rootMfaDevice("arn:aws:iam::222222222222:u2f/root/yubikey-LABFIDO0001", daysAgo(5))
                        .rootSigningCertificate("LABROOTCERT22220000000000000001", ACTIVE, daysAgo(120)))
                .account("333333333333", account -> account.name("centrally-managed"))
                .account("444444444444", account -> account.name("delegated-admin"))
                .account("555555555555", account -> account.name("closed").status(SUSPENDED))
                .build();
    }
}
