package org.rootposture.lab.demo;

import static org.rootposture.lab.fixture.AlternateContact.Type.BILLING;
import static org.rootposture.lab.fixture.AlternateContact.Type.OPERATIONS;
import static org.rootposture.lab.fixture.AlternateContact.Type.SECURITY;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.COMPLIANT;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.INSUFFICIENT_DATA;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.NON_COMPLIANT;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.IAM_ROOT_ACCESS_KEY_CHECK;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_HARDWARE_MFA_ENABLED;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_MFA_ENABLED;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_ACTIVE;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_LAST_ROTATED;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_LAST_USED_DATE;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_LAST_USED_REGION;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_LAST_USED_SERVICE;
import static org.rootposture.lab.fixture.CredentialReport.Column.CERT_1_ACTIVE;
import static org.rootposture.lab.fixture.CredentialReport.Column.CERT_1_LAST_ROTATED;
import static org.rootposture.lab.fixture.CredentialReport.Column.MFA_ACTIVE;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_ENABLED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_LAST_CHANGED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_LAST_USED;
import static org.rootposture.lab.fixture.CredentialReport.State.COMPLETE;
import static org.rootposture.lab.fixture.CredentialReport.State.INPROGRESS;
import static org.rootposture.lab.fixture.CredentialReport.State.STARTED;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.ACTIVE;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.INACTIVE;
import static org.rootposture.lab.fixture.RootEvent.EventType.AWS_CONSOLE_SIGN_IN;
import static org.rootposture.lab.fixture.RootEvent.EventType.AWS_SERVICE_EVENT;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.AwsConfig.Rule.Compliance;
import org.rootposture.lab.fixture.AwsConfig;
import org.rootposture.lab.fixture.ContactInformation;
import org.rootposture.lab.fixture.CredentialReport;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.fixture.TaskPolicy;
import org.rootposture.lab.fixture.Trail.AdvancedSelector;
import org.rootposture.lab.fixture.Trail.Condition;
import org.rootposture.lab.fixture.Trail.FieldSelector;
import org.rootposture.lab.fixture.Trail;

/**
 * The demo organization {@code o-demo000001} of the ACME company: a management account and ten members in OUs, guarded
 * by SCPs, in every state a root user's posture can be in (locked down; hardware, virtual and FIDO MFA; no MFA; a root
 * access key; a signing certificate; recent root use; a password changed after an offboarding; a central root session;
 * a root mailbox at a personal mail provider; incomplete contacts; a backup MFA device; access denied; throttled;
 * suspended; not assumable), with CloudTrail, the CIS alarm chain, AWS Config and GuardDuty alerts in some and not in others; the
 * security-tooling account is the GuardDuty administrator of several members. The demo run, the runner's
 * {@code --demo} and many tests serve it.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start(DemoOrganization.fixture())) { ... }
 * Fixture withFault = DemoOrganization.builder().account("777777777777", a -> a.fault("iam:GetAccountSummary", "AccessDenied")).build();
 * }</pre>
 */
public final class DemoOrganization {

    private static final OrganizationalUnit PRODUCTION = OrganizationalUnit.of("ou-demo-prod0001", "Production");
    private static final OrganizationalUnit DEVELOPMENT = OrganizationalUnit.of("ou-demo-dev00001", "Development");
    private static final OrganizationalUnit SECURITY_OU = OrganizationalUnit.of("ou-demo-sec00001", "Security");
    private static final OrganizationalUnit PAYMENTS = PRODUCTION.child("ou-demo-pay00001", "Payments");

    private static final String CIS_PATTERN = "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }";
    private static final String ROOT_ALERTS = "arn:aws:sns:us-east-1:111111111111:root-activity-alerts";
    private static final String DATA_LAKE_ALERTS = "arn:aws:sns:us-east-1:555555555555:data-lake-root-alerts";
    private static final String GUARDDUTY_ADMINISTRATOR = "777777777777";
    private static final String ALL_FINDINGS = "{\"source\": [\"aws.guardduty\"], \"detail-type\": [\"GuardDuty Finding\"]}";
    private static final String ROOT_USAGE = "{\"source\": [\"aws.guardduty\"], \"detail\": {\"type\": [\"Policy:IAMUser/RootCredentialUsage\"]}}";
    private static final String AUDIT_ROLE = "User: arn:aws:sts::888888888888:assumed-role/RootPostureAudit/root-posture is not authorized to perform: ";

    private DemoOrganization() {
    }

    /** The demo organization. */
    public static Fixture fixture() {
        return builder().build();
    }

    /** A builder holding the demo organization, for a test that changes it. */
    public static Fixture.Builder builder() {
        return Fixture.builder()
                .organization("o-demo000001", "111111111111", DemoOrganization::organization)
                .account("111111111111", DemoOrganization::management)
                .account("222222222222", DemoOrganization::prodPayments)
                .account("333333333333", DemoOrganization::devSandbox)
                .account("444444444444", DemoOrganization::legacyBatch)
                .account("555555555555", DemoOrganization::dataLake)
                .account("666666666666", DemoOrganization::workloadsShared)
                .account("777777777777", DemoOrganization::securityTooling)
                .account("888888888888", DemoOrganization::auditRestricted)
                .account("121212121212", DemoOrganization::closedExperiment)
                .account("131313131313", DemoOrganization::vendorSandbox)
                .account("141414141414", DemoOrganization::sharedServices);
    }

    private static void organization(Organization.Builder org) {
        org.rootId("r-demo")
                .features(Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT, Organization.Feature.ROOT_SESSIONS)
                .units(PRODUCTION, DEVELOPMENT, SECURITY_OU, PAYMENTS)
                .policy("p-denyroot01", "DenyRootUser", """
                        {"Version": "2012-10-17", "Statement": [{"Sid": "DenyRootUser", "Effect": "Deny", "Action": "*", "Resource": "*",
                          "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]}""",
                        policy -> policy.description("Denies every action to the root user of member accounts").attachedTo(PRODUCTION))
                .policy("p-denyrootmfa1", "DenyRootWithoutMfa", """
                        {"Version": "2012-10-17", "Statement": [{"Sid": "DenyRootWithoutMfa", "Effect": "Deny", "Action": "*", "Resource": "*",
                          "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}, "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}""",
                        policy -> policy.description("Denies the root user every action unless signed in with MFA").attachedTo(SECURITY_OU))
                .policy("p-denyleave01", "DenyLeavingOrganization", """
                        {"Version": "2012-10-17", "Statement": [{"Sid": "DenyLeavingOrganization", "Effect": "Deny",
                          "Action": "organizations:LeaveOrganization", "Resource": "*"}]}""",
                        policy -> policy.description("Keeps accounts from leaving the organization").attachedToRoot())
                .policy("p-rootbilling1", "DenyRootExceptBilling", """
                        {"Version": "2012-10-17", "Statement": [{"Sid": "DenyRootExceptBilling", "Effect": "Deny",
                          "NotAction": ["aws-portal:*", "account:*"], "Resource": "*",
                          "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]}""",
                        policy -> policy.description("Leaves the root user only billing and account settings").attachedToAccounts("444444444444"));
    }

    private static void management(Account.Builder account) {
        member(account, "management", null, "management", "cloud-platform")
                .rootPassword(daysAgo(400)).rootMfaDevice("GAHT11110001", daysAgo(400))
                .accountSummary(summary(1, 0, 0, 1, 1, 2, 2))
                .credentialReport(report -> passwordRoot(report.generation(STARTED, INPROGRESS, COMPLETE), 200, true)
                        .user("alice", row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(1))
                                .with(PASSWORD_LAST_CHANGED, daysAgo(60)).with(MFA_ACTIVE, true)))
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/alice", "arn:aws:iam::111111111111:user/alice", daysAgo(60))
                .contact(SECURITY, "Security Team", "CISO", "security@example.com", "+1-555-0100")
                .contact(BILLING, "Finance", "Controller", "billing@example.com", "+1-555-0101")
                .contact(OPERATIONS, "Cloud Operations", "SRE Lead", "cloud-ops@example.com", "+1-555-0102")
                .trail("aws-controltower-BaselineCloudTrail", trail -> trail.multiRegion(true).organizationTrail(true)
                        .eventSelectors(Trail.EventSelector.ALL_MANAGEMENT_EVENTS).logGroup("aws-controltower/CloudTrailLogs")
                        .s3Bucket("aws-controltower-logs-111111111111-us-east-1"))
                .metricFilter("aws-controltower/CloudTrailLogs", "RootAccountUsage", CIS_PATTERN, "RootAccountUsageCount", "CISBenchmark")
                .alarm("CIS-RootAccountUsage", "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.actions(ROOT_ALERTS))
                .subscription(ROOT_ALERTS, "security@example.com")
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources)
                .guardDuty("us-east-1", guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR))
                .guardDuty("eu-west-1", guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR));
    }

    private static void prodPayments(Account.Builder account) {
        member(account, "prod-payments", PAYMENTS, "prod", "payments")
                .rootPassword(daysAgo(300)).rootMfaDevice("arn:aws:iam::222222222222:mfa/payments-break-glass", daysAgo(300))
                .accountSummary(summary(1, 0, 0, 1, 0, 1, 1))
                .credentialReport(report -> passwordRoot(report, 150, true))
                .virtualMfaDevice("arn:aws:iam::222222222222:mfa/payments-break-glass", "arn:aws:iam::222222222222:root", daysAgo(300))
                .contact(SECURITY, "Payments Security", "Security Lead", "payments-security@example.com", "+1-555-0200")
                .trail("payments-management-events", trail -> trail.multiRegion(true)
                        .advancedEventSelectors(AdvancedSelector.of("Management events", FieldSelector.of("eventCategory", Condition.EQUALS, "Management"))))
                .rootSession(daysAgo(2), TaskPolicy.S3_UNLOCK_BUCKET_POLICY, List.of("s3:GetBucketPolicy", "s3:DeleteBucketPolicy"),
                        session -> session.openedBy("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_PlatformAdmin_0a1b2c3d4e5f6789/jane.doe"))
                .config("us-east-1", config -> config
                        .rule("root-account-mfa-enabled", ROOT_ACCOUNT_MFA_ENABLED, INSUFFICIENT_DATA, INSUFFICIENT_DATA, COMPLIANT)
                        .rule("root-account-hardware-mfa-enabled", ROOT_ACCOUNT_HARDWARE_MFA_ENABLED, INSUFFICIENT_DATA, INSUFFICIENT_DATA, NON_COMPLIANT)
                        .rule("iam-root-access-key-check", IAM_ROOT_ACCESS_KEY_CHECK, INSUFFICIENT_DATA, INSUFFICIENT_DATA, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources);
        for (String region : List.of("us-east-1", "eu-west-1")) {
            account.guardDuty(region, guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR))
                    .eventRule(region, "payments-policy-findings", "{\"source\": [\"aws.guardduty\"], \"detail\": {\"type\": [{\"prefix\": \"Policy:IAMUser/\"}]}}",
                            rule -> rule.targets("arn:aws:sns:" + region + ":222222222222:payments-security"));
        }
    }

    private static void devSandbox(Account.Builder account) {
        member(account, "dev-sandbox", DEVELOPMENT, "dev", "developer-experience")
                .email("jordan.dev.sandbox@gmail.com")
                .rootPassword(daysAgo(700))
                .accountSummary(summary(0, 0, 0, 1, 0, 0, 0))
                .credentialReport(report -> passwordRoot(report, 250, false))
                .contact(BILLING, "Dev Lead", "Engineering Manager", "dev-lead@example.com", "+1-555-0300")
                .trail("sandbox-trail", trail -> trail.homeRegion("eu-west-1").logging(false))
                .config("us-east-1", UnaryOperator.identity())
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources);
    }

    private static void legacyBatch(Account.Builder account) {
        member(account, "legacy-batch", DEVELOPMENT, "dev", "batch-operations")
                .rootPassword(daysAgo(900)).rootMfaDevice("GAHT44440001", daysAgo(800))
                .rootAccessKey("AKIALABROOT444400001", INACTIVE, daysAgo(900))
                .accountSummary(summary(1, 1, 0, 1, 0, 1, 1))
                .credentialReport(report -> passwordRoot(report, 500, true).root(row -> row
                        .with(ACCESS_KEY_1_ACTIVE, false).with(ACCESS_KEY_1_LAST_ROTATED, daysAgo(900)).with(ACCESS_KEY_1_LAST_USED_DATE, daysAgo(400))
                        .with(ACCESS_KEY_1_LAST_USED_REGION, "us-east-1").with(ACCESS_KEY_1_LAST_USED_SERVICE, "s3")))
                .contact(SECURITY, "Batch Operations", "Platform Owner", "batch-security@example.com", "+1-555-0400")
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, NON_COMPLIANT))
                .config("eu-west-1", config -> config.recorder(recorder -> recorder.globalResources(false).stopped(daysAgo(14))))
                .guardDuty("us-east-1", UnaryOperator.identity())
                .eventRule("us-east-1", "batch-findings-but-root", "{\"source\": [\"aws.guardduty\"], \"detail\": {\"type\": "
                        + "[{\"anything-but\": [\"Policy:IAMUser/RootCredentialUsage\"]}]}}", rule -> rule.targets("arn:aws:sns:us-east-1:444444444444:batch-ops"));
    }

    private static void dataLake(Account.Builder account) {
        member(account, "data-lake", PRODUCTION, "prod", "data-platform")
                .rootPassword(daysAgo(200)).rootMfaDevice("GAHT55550001", daysAgo(200))
                .accountSummary(summary(1, 0, 0, 1, 0, 1, 1))
                .credentialReport(report -> passwordRoot(report, 7, true))
                .contact(SECURITY, "Data Security", "Data Protection Officer", "data-security@example.com", "+1-555-0500")
                .trail("data-lake-trail", trail -> trail.multiRegion(true).logGroup("data-lake/cloudtrail"))
                .rootEvent(daysAgo(7), "ConsoleLogin", event -> event.sourceIp("203.0.113.7"))
                .rootEvent(daysAgo(7), "PasswordUpdated", event -> event.sourceIp("203.0.113.7").type(AWS_CONSOLE_SIGN_IN))
                .rootEvent(daysAgo(5), "RotateKey", event -> event.source("kms.amazonaws.com").type(AWS_SERVICE_EVENT))
                .rootEvent(daysAgo(3), "DescribeTrustedAdvisorChecks", event -> event.source("support.amazonaws.com").invokedBy("support.amazonaws.com"))
                .metricFilter("data-lake/cloudtrail", "root-usage",
                        "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
                        "RootUsage", "DataLake/Security")
                .alarm("data-lake-root-usage", "RootUsage", "DataLake/Security", alarm -> alarm.actions(DATA_LAKE_ALERTS))
                .subscription(DATA_LAKE_ALERTS, "data-security@example.com", subscription -> subscription.unconfirmed())
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources);
        for (String region : List.of("us-east-1", "eu-west-1")) {
            account.guardDuty(region, guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR, "Resigned"))
                    .eventRule(region, "data-lake-root-usage", ROOT_USAGE, UnaryOperator.identity());
        }
    }

    private static void workloadsShared(Account.Builder account) {
        member(account, "workloads-shared", PRODUCTION, "prod", "platform")
                .accountSummary(summary(0, 0, 0, 0, 0, 0, 0))
                .credentialReport(report -> report.root(row -> row.with(PASSWORD_ENABLED, false).with(PASSWORD_LAST_USED, "no_information")
                        .with(PASSWORD_LAST_CHANGED, "not_supported").with(MFA_ACTIVE, false)))
                .contact(SECURITY, "Platform Security", "Security Engineer", "platform-security@example.com", "+1-555-0600")
                .config("us-east-1", rules(NON_COMPLIANT, NON_COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources)
                .guardDuty("us-east-1", guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR))
                .guardDuty("eu-west-1", guardDuty -> guardDuty.administrator(GUARDDUTY_ADMINISTRATOR));
    }

    private static void securityTooling(Account.Builder account) {
        member(account, "security-tooling", SECURITY_OU, "security", "detection-engineering", "ap-southeast-2")
                .rootPassword(daysAgo(365)).rootMfaDevice("GAHT77770001", daysAgo(365))
                .rootMfaDevice("arn:aws:iam::777777777777:u2f/root/security-tooling-backup-LABFIDO0002", daysAgo(200))
                .rootSigningCertificate("LABROOTCERT77770000000000000001", ACTIVE, daysAgo(120))
                .accountSummary(summary(1, 0, 1, 1, 1, 3, 3))
                .credentialReport(report -> passwordRoot(report, 180, true)
                        .root(row -> row.with(CERT_1_ACTIVE, true).with(CERT_1_LAST_ROTATED, daysAgo(120)))
                        .user("rootops", row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(3))
                                .with(PASSWORD_LAST_CHANGED, daysAgo(90)).with(MFA_ACTIVE, true)))
                .virtualMfaDevice("arn:aws:iam::777777777777:mfa/root-account-mfa-device", "arn:aws:iam::777777777777:user/rootops", daysAgo(90))
                .contact(SECURITY, "Security Tooling", "Detection Engineering Lead", "tooling-security@example.com", "+1-555-0700")
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources)
                .config("ap-southeast-2", DemoOrganization::recordingWithoutGlobalResources)
                .guardDuty("ap-southeast-2", UnaryOperator.identity())
                .eventRule("ap-southeast-2", "guardduty-medium-and-above", "{\"source\": [\"aws.guardduty\"], \"detail\": {\"severity\": "
                        + "[{\"numeric\": [\">=\", 4]}]}}", rule -> rule.targets("arn:aws:sns:ap-southeast-2:777777777777:guardduty-findings"));
        for (String region : List.of("us-east-1", "eu-west-1")) {
            account.guardDuty(region, UnaryOperator.identity())
                    .eventRule(region, "guardduty-all-findings", ALL_FINDINGS, rule -> rule.targets("arn:aws:sns:" + region + ":777777777777:guardduty-findings"));
        }
    }

    private static void auditRestricted(Account.Builder account) {
        member(account, "audit-restricted", SECURITY_OU, "security", "internal-audit")
                .rootPassword(daysAgo(400)).rootMfaDevice("GAHT88880001", daysAgo(400))
                .accountSummary(summary(1, 0, 0, 1, 0, 1, 1))
                .credentialReport(report -> passwordRoot(report, 120, true))
                .contact(SECURITY, "Audit Office", "Internal Audit", "audit-security@example.com", "+1-555-0800")
                .fault(Fault.error("iam:ListVirtualMFADevices", "Throttling").message("Rate exceeded"))
                .fault(Fault.error("account:GetAlternateContact", "AccessDeniedException").message(AUDIT_ROLE
                        + "account:GetAlternateContact on resource: arn:aws:account::888888888888:account because no service control policy allows "
                        + "the account:GetAlternateContact action"))
                .fault(Fault.error("cloudtrail:LookupEvents", "AccessDenied").message(AUDIT_ROLE
                        + "cloudtrail:LookupEvents because no service control policy allows the cloudtrail:LookupEvents action"))
                .fault(Fault.error("guardduty:ListDetectors", "AccessDeniedException").message(AUDIT_ROLE
                        + "guardduty:ListDetectors because no service control policy allows the guardduty:ListDetectors action"))
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources);
    }

    private static void closedExperiment(Account.Builder account) {
        member(account, "closed-experiment", DEVELOPMENT, "dev", "research")
                .status(Account.Status.SUSPENDED).notAssumable()
                .rootPassword(daysAgo(800))
                .accountSummary(summary(0, 0, 0, 1, 0, 0, 0))
                .credentialReport(report -> passwordRoot(report, 600, false))
                .contact(SECURITY, "Research Lead", "Principal Scientist", "research-security@example.com", "+1-555-1200");
    }

    private static void vendorSandbox(Account.Builder account) {
        member(account, "vendor-sandbox", DEVELOPMENT, "dev", "vendor-integrations")
                .notAssumable()
                .rootPassword(daysAgo(200))
                .accountSummary(summary(0, 0, 0, 1, 2, 0, 0))
                .credentialReport(report -> passwordRoot(report, 30, false))
                .contact(SECURITY, "Vendor Management", "Vendor Risk Manager", "vendor-security@example.com", "+1-555-1300");
    }

    private static void sharedServices(Account.Builder account) {
        member(account, "shared-services", null, "shared", "cloud-platform")
                .rootPassword(daysAgo(600)).rootMfaDevice("arn:aws:iam::141414141414:u2f/root/shared-services-LABFIDO0001", daysAgo(600))
                .accountSummary(summary(1, 0, 0, 1, 0, 1, 1))
                .credentialReport(report -> passwordRoot(report, 400, true))
                .contact(SECURITY, "Cloud Platform Security", "Platform Security Lead", "shared-security@example.com", "+1-555-1400")
                .contact(BILLING, "Finance", "Controller", "billing@example.com", "+1-555-0101")
                .contact(OPERATIONS, "Cloud Operations", "SRE Lead", "cloud-ops@example.com", "+1-555-0102")
                .config("us-east-1", rules(COMPLIANT, COMPLIANT, COMPLIANT))
                .config("eu-west-1", DemoOrganization::recordingWithoutGlobalResources)
                .guardDuty("us-east-1", UnaryOperator.identity())
                .eventRule("us-east-1", "root-usage-to-queue", ROOT_USAGE, rule -> rule.targets("arn:aws:sqs:us-east-1:141414141414:security-intake"))
                .guardDuty("eu-west-1", UnaryOperator.identity());
    }

    /**
     * What every demo account has: its name, e-mail, alias, OU, tags, a primary contact, and the regions us-east-1 and
     * eu-west-1, those it opted in to, and ap-east-1 opted out.
     */
    private static Account.Builder member(Account.Builder account, String name, OrganizationalUnit parent, String env, String owner,
                                          String... optedIn) {
        account.name(name).email("aws-" + name + "@example.com").alias("acme-" + name).parent(parent).tag("env", env).tag("owner", owner)
                .primaryContact(ContactInformation.of("ACME Cloud Platform", "+1-555-0199"))
                .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT);
        for (String region : optedIn) {
            account.region(region, ENABLED);
        }
        return account.region("ap-east-1", DISABLED);
    }

    private static Map<String, Integer> summary(int mfa, int accessKeys, int certificates, int password, int users, int mfaDevices, int mfaDevicesInUse) {
        return Map.of("AccountMFAEnabled", mfa, "AccountAccessKeysPresent", accessKeys, "AccountSigningCertificatesPresent", certificates,
                "AccountPasswordPresent", password, "Users", users, "MFADevices", mfaDevices, "MFADevicesInUse", mfaDevicesInUse);
    }

    /**
     * The root row of a root user with a password last used that many days before the lab starts; when it was changed the
     * report does not say for the root user (not_supported), as in AWS.
     */
    private static CredentialReport passwordRoot(CredentialReport report, int lastUsedDays, boolean mfa) {
        return report.root(row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(lastUsedDays)).with(MFA_ACTIVE, mfa));
    }

    /** A recorder of all resources and the three AWS managed rules about the root user, each answering one compliance type. */
    private static UnaryOperator<AwsConfig> rules(Compliance mfa, Compliance hardwareMfa, Compliance accessKeys) {
        return config -> config.rule("root-account-mfa-enabled", ROOT_ACCOUNT_MFA_ENABLED, mfa)
                .rule("root-account-hardware-mfa-enabled", ROOT_ACCOUNT_HARDWARE_MFA_ENABLED, hardwareMfa)
                .rule("iam-root-access-key-check", IAM_ROOT_ACCESS_KEY_CHECK, accessKeys);
    }

    private static AwsConfig recordingWithoutGlobalResources(AwsConfig config) {
        return config.recorder(recorder -> recorder.globalResources(false));
    }
}
