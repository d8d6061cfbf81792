package org.rootposture.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.Unreadable;
import org.rootposture.evidence.VirtualMfaDevices;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.RootCredentialControls;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.directory.OrganizationDirectory;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Sessions;
import org.rootposture.internal.targets.Target;
import org.rootposture.internal.targets.TargetResolver;
import org.rootposture.internal.targets.Targets;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The real framework (settings, sessions, target resolution, live evidence, controls) against moto over HTTP. moto's
 * IAM has no root row in its credential report and always reports AccountMFAEnabled = 0 without an
 * AccountPasswordPresent entry; the assertions below state what the framework must make of exactly that.
 */
class MotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String CALLER = "123456789012";
    private static final String OTHER = "111122223333";
    private static final String AUDIT_ROLE = "arn:aws:iam::" + OTHER + ":role/audit";
    private static final String ACCESS_KEY = "AKIAMOTOTESTING00001";
    private static final String SECRET_KEY = "moto-test-secret";
    private static final Map<String, String> SAVED = new HashMap<>();

    private static IamClient seedIam;

    private Sessions sessions;

    @BeforeAll
    static void credentialsAndSeedClient() {
        setProperty("aws.accessKeyId", ACCESS_KEY);
        setProperty("aws.secretAccessKey", SECRET_KEY);
        seedIam = IamClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void restoreProperties() {
        if (seedIam != null) {
            seedIam.close();
        }
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
        sessions = new Sessions(settings(Map.of()));
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    @Test
    void resolvesTheCallerAccountInTheAwsPartitionWithItsAlias() {
        seedIam.createAccountAlias(request -> request.accountAlias("moto-audit-lab"));

        Targets targets = resolver(settings(Map.of())).resolve();

        assertThat(targets.partition()).isEqualTo("aws");
        assertThat(targets.callerAccountId()).isEqualTo(CALLER);
        assertThat(targets.accounts()).containsExactly(new Target(CALLER, Optional.of("moto-audit-lab"), Optional.empty()));
        assertThat(targets.accounts().get(0).displayName()).isEqualTo(CALLER + " · moto-audit-lab");
    }

    @Test
    void listedTargetsGetTheMemberRoleExceptTheCallerItself() {
        Settings listed = settings(Map.of("rootposture.targets", OTHER + "," + CALLER, "rootposture.role", "audit"));

        Targets targets = resolver(listed).resolve();

        assertThat(targets.accounts()).containsExactly(
                new Target(OTHER, Optional.empty(), Optional.of(AUDIT_ROLE)),
                new Target(CALLER, Optional.empty(), Optional.empty()));
    }

    @Test
    void readsTheAccountSummaryOnceWithMotosCounters() {
        seedIam.createUser(request -> request.userName("alice"));
        seedIam.createAccessKey(request -> request.userName("alice"));
        seedIam.createUser(request -> request.userName("bob"));
        LiveAccountEvidence evidence = callerEvidence();

        AccountSummary summary = evidence.accountSummary();

        assertThat(summary.value("Users")).contains(2);
        assertThat(summary.value(AccountSummary.MFA_ENABLED)).contains(0);
        assertThat(summary.value(AccountSummary.ACCESS_KEYS_PRESENT)).as("an IAM user's key is not a root key").contains(0);
        assertThat(summary.value(AccountSummary.SIGNING_CERTIFICATES_PRESENT)).contains(0);
        assertThat(summary.value(AccountSummary.PASSWORD_PRESENT)).as("moto does not report AccountPasswordPresent").isEmpty();
        assertThat(summary.provenance().calls()).containsExactly("iam:GetAccountSummary");

        seedIam.createUser(request -> request.userName("carol"));
        assertThat(evidence.accountSummary()).as("read at most once per run").isSameAs(summary);
        assertThat(callerEvidence().accountSummary().value("Users")).as("a new evidence object reads again").contains(3);
    }

    @Test
    void motosCredentialReportHasNoRootRowSoUsageIsUnableToAssess() {
        seedIam.createUser(request -> request.userName("alice"));
        LiveAccountEvidence evidence = callerEvidence();

        assertThatThrownBy(evidence::credentialReport)
                .isInstanceOfSatisfying(EvidenceUnavailableException.class, e -> {
                    assertThat(e.operation()).isEqualTo("iam:GetCredentialReport");
                    assertThat(e.errorCode()).isEqualTo("MalformedCredentialReport");
                })
                .hasMessage("iam:GetCredentialReport failed with MalformedCredentialReport: the report has no <root_account> row");

        Verdict usage = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, context());
        assertThat(usage.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(usage.reason()).isEqualTo("iam:GetCredentialReport failed with MalformedCredentialReport.\nthe report has no <root_account> row");
        assertThat(usage.evidence()).singleElement().isInstanceOf(Unreadable.class);
    }

    @Test
    void listsEveryVirtualMfaDeviceAcrossMotosPages() {
        int created = 101; // moto pages ListVirtualMFADevices at 100 devices when no MaxItems is sent
        List<String> serials = IntStream.rangeClosed(1, created)
                .mapToObj(i -> seedIam.createVirtualMFADevice(request -> request.virtualMFADeviceName("device-" + i))
                        .virtualMFADevice().serialNumber())
                .toList();
        String aliceArn = seedIam.createUser(request -> request.userName("alice")).user().arn();
        String assigned = serials.get(created - 1);
        seedIam.enableMFADevice(request -> request.userName("alice").serialNumber(assigned)
                .authenticationCode1("123456").authenticationCode2("654321"));
        ListVirtualMfaDevicesResponse firstPage = seedIam.listVirtualMFADevices(request -> request.assignmentStatus(AssignmentStatusType.ANY));
        assertThat(firstPage.isTruncated()).as("moto's first page must be truncated, or this test proves nothing").isTrue();
        assertThat(firstPage.virtualMFADevices()).hasSizeLessThan(created);

        VirtualMfaDevices devices = callerEvidence().virtualMfaDevices();

        assertThat(devices.devices()).extracting(VirtualMfaDevices.Device::serialNumber).containsExactlyInAnyOrderElementsOf(serials);
        assertThat(devices.assignedTo(aliceArn)).singleElement().satisfies(device -> {
            assertThat(device.serialNumber()).isEqualTo(assigned);
            assertThat(device.enableDate()).isNotNull();
        });
        assertThat(devices.assignedTo(new AccountIdentity(CALLER, "aws").rootArn())).isEmpty();
        assertThat(devices.devices().stream().filter(device -> device.userArn() == null).count()).isEqualTo(created - 1);
        assertThat(devices.provenance().calls()).containsExactly("iam:ListVirtualMFADevices");
    }

    @Test
    void controlsDecideWhatMotosDataImplies() {
        seedIam.createUser(request -> request.userName("alice"));
        seedIam.createAccessKey(request -> request.userName("alice"));
        seedIam.createVirtualMFADevice(request -> request.virtualMFADeviceName("alice-phone"));
        LiveAccountEvidence evidence = callerEvidence();
        String noRootRow = "iam:GetCredentialReport failed with MalformedCredentialReport.\nthe report has no <root_account> row";

        // AccountMFAEnabled = 0 and no AccountPasswordPresent: whether root has a password must come from the report,
        // and moto's report has no root row, so neither MFA control may guess.
        Verdict hardware = RootCredentialControls.MFA_HARDWARE.evaluate(evidence, context());
        assertThat(hardware.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(hardware.reason()).isEqualTo(noRootRow);
        Verdict enabled = RootCredentialControls.MFA_ENABLED.evaluate(evidence, context());
        assertThat(enabled.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(enabled.reason()).isEqualTo(noRootRow);

        Verdict keys = RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence, context());
        assertThat(keys.outcome()).isEqualTo(Outcome.PASS);
        assertThat(keys.reason()).isEqualTo("The root user has no access keys.\nAccountAccessKeysPresent = 0.");
        assertThat(keys.evidence()).containsExactly(evidence.accountSummary());

        Verdict certificates = RootCredentialControls.SIGNING_CERTIFICATES_ABSENT.evaluate(evidence, context());
        assertThat(certificates.outcome()).isEqualTo(Outcome.PASS);
        assertThat(certificates.reason()).isEqualTo("The root user has no X.509 signing certificates.\nAccountSigningCertificatesPresent = 0.");
    }

    @Test
    void securityContactFailsUntilOneIsRegistered() {
        Verdict before = RootCredentialControls.SECURITY_CONTACT.evaluate(callerEvidence(), context());
        assertThat(before.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(before.reason()).startsWith("No SECURITY alternate contact is registered");

        try (AccountClient account = seedAccount()) {
            account.putAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY)
                    .name("Sam Secure").title("CISO").emailAddress("security@example.com").phoneNumber("+1-555-0100"));
        }

        Verdict after = RootCredentialControls.SECURITY_CONTACT.evaluate(callerEvidence(), context());
        assertThat(after.outcome()).isEqualTo(Outcome.PASS);
        assertThat(after.reason()).isEqualTo("A SECURITY alternate contact is registered.\nSam Secure (CISO), s*******@example.com.");
    }

    @Test
    void readsEachAlternateContactTypeMaskedAndNoneWhereMissing() {
        try (AccountClient account = seedAccount()) {
            account.putAlternateContact(request -> request.alternateContactType(AlternateContactType.BILLING)
                    .name("Finance").title("Controller").emailAddress("billing@example.com").phoneNumber("+1-555-0101"));
            account.putAlternateContact(request -> request.alternateContactType(AlternateContactType.OPERATIONS)
                    .name("Cloud Operations").title("SRE Lead").emailAddress("cloud-ops@example.com").phoneNumber("+1-555-0102"));
        }
        LiveAccountEvidence evidence = callerEvidence();

        AlternateContact billing = evidence.alternateContact(AlternateContact.Type.BILLING);
        assertThat(billing.registered()).isTrue();
        assertThat(billing.describe()).isEqualTo("Finance (Controller), b******@example.com");
        assertThat(billing.phone()).isEqualTo("*********01");
        assertThat(evidence.alternateContact(AlternateContact.Type.OPERATIONS).describe()).isEqualTo("Cloud Operations (SRE Lead), c********@example.com");
        assertThat(evidence.alternateContact(AlternateContact.Type.SECURITY).registered()).isFalse();
    }

    @Test
    void assumesARoleInAnotherAccountAndReadsThatAccountsSummary() {
        try (IamClient otherIam = iamAssumedInto(AUDIT_ROLE)) {
            otherIam.createUser(request -> request.userName("member-1"));
            otherIam.createUser(request -> request.userName("member-2"));
        }
        seedIam.createUser(request -> request.userName("caller-only"));

        AwsClients member = sessions.account(OTHER, Optional.of(AUDIT_ROLE));

        assertThat(member.client(StsClient.class).getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::" + OTHER + ":assumed-role/audit/rootposture-unknown");
        LiveAccountEvidence evidence = evidence(OTHER, member);
        assertThat(evidence.accountSummary().value("Users")).contains(2);
        assertThat(callerEvidence().accountSummary().value("Users")).as("the caller's own account").contains(1);
        assertThat(sessions.account(OTHER, Optional.of(AUDIT_ROLE))).as("one set of clients per account").isSameAs(member);
        assertThat(sessions.account(CALLER, Optional.empty())).isSameAs(sessions.caller());
    }

    /** An Account Management client of the caller, to seed moto with. */
    private static AccountClient seedAccount() {
        return AccountClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private LiveAccountEvidence callerEvidence() {
        return evidence(CALLER, sessions.caller());
    }

    /** Wired as {@code Run} wires it: the account's clients, the caller's organization view, root sessions on demand. */
    private LiveAccountEvidence evidence(String accountId, AwsClients clients) {
        return new LiveAccountEvidence(new AccountIdentity(accountId, "aws"), clients, new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC());
    }

    private TargetResolver resolver(Settings settings) {
        return new TargetResolver(settings, sessions.caller(), new OrganizationDirectory(sessions.caller()));
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Instant.now(), Duration.ofDays(90));
    }

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "rootposture.endpoint", MOTO.endpoint().toString(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard"));
        properties.putAll(extra);
        return SettingsReader.from(properties, Map.of());
    }

    private static IamClient iamAssumedInto(String roleArn) {
        Credentials credentials;
        try (StsClient sts = StsClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            credentials = sts.assumeRole(request -> request.roleArn(roleArn).roleSessionName("seed")).credentials();
        }
        return IamClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .build();
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
