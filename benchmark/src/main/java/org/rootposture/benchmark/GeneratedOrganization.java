package org.rootposture.benchmark;

import static org.rootposture.lab.fixture.AlternateContact.Type.SECURITY;
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
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.ACTIVE;
import static org.rootposture.lab.fixture.RootCredentials.KeyStatus.INACTIVE;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.CredentialReport;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;

/**
 * A lab organization of N accounts built like the demo organization, at scale: a management account with an
 * organization trail, seven OUs two levels deep, SCP guardrails at the root, on OUs and on some accounts, centralized
 * root access, and member accounts in a fixed mix of states (locked down, hardware or virtual MFA, no MFA, a root key,
 * a signing certificate, recent root use, access denied, suspended, not assumable). The same N gives the same fixture.
 */
final class GeneratedOrganization {

    static final String MANAGEMENT = "100000000000";
    static final String ORGANIZATION = "o-bench00001";
    static final String ROOT = "r-bnch";

    private static final OrganizationalUnit PROD = OrganizationalUnit.of("ou-bnch-prod0001", "Production");
    private static final OrganizationalUnit PAYMENTS = PROD.child("ou-bnch-pay00001", "Payments");
    private static final OrganizationalUnit DATA = PROD.child("ou-bnch-data0001", "Data");
    private static final OrganizationalUnit DEV = OrganizationalUnit.of("ou-bnch-dev00001", "Development");
    private static final OrganizationalUnit SANDBOX = DEV.child("ou-bnch-sbx00001", "Sandbox");
    private static final OrganizationalUnit SECURITY_OU = OrganizationalUnit.of("ou-bnch-sec00001", "Security");
    private static final OrganizationalUnit WORKLOADS = OrganizationalUnit.of("ou-bnch-wkld0001", "Workloads");
    /** Where member i sits: {@code PARENTS[i % 8]}, where {@code null} is the root. */
    private static final OrganizationalUnit[] PARENTS = {null, PROD, PAYMENTS, DATA, DEV, SANDBOX, SECURITY_OU, WORKLOADS};
    private static final List<String> SLUGS = List.of("shared", "prod", "payments", "data", "dev", "sandbox", "security", "workloads");
    private static final String DENY_ROOT_CONDITION = "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}";
    private static final String CIS_PATTERN = "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }";

    private GeneratedOrganization() {
    }

    static Fixture of(int accounts) {
        if (accounts < 1) {
            throw new IllegalArgumentException("an organization needs at least one account, not " + accounts);
        }
        Fixture.Builder fixture = Fixture.builder()
                .organization(ORGANIZATION, MANAGEMENT, org -> organization(org, accounts))
                .pageSize(20)
                .account(MANAGEMENT, GeneratedOrganization::management);
        for (int i = 1; i < accounts; i++) {
            int member = i;
            fixture.account(memberId(i), account -> member(account, member));
        }
        return fixture.build();
    }

    static String memberId(int i) {
        return String.format("%012d", 200_000_000_000L + i);
    }

    private static void organization(Organization.Builder org, int accounts) {
        org.rootId(ROOT)
                .features(Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT, Organization.Feature.ROOT_SESSIONS)
                .units(PROD, PAYMENTS, DATA, DEV, SANDBOX, SECURITY_OU, WORKLOADS)
                .policy("p-denyleave01", "DenyLeavingOrganization", statement("DenyLeavingOrganization", "\"Action\":\"organizations:LeaveOrganization\""),
                        policy -> policy.attachedToRoot())
                .policy("p-denyroot01", "DenyRootUser", statement("DenyRootUser", "\"Action\":\"*\"," + DENY_ROOT_CONDITION),
                        policy -> policy.attachedTo(PROD, WORKLOADS))
                .policy("p-denyrootmfa1", "DenyRootWithoutMfa", statement("DenyRootWithoutMfa", "\"Action\":\"*\",\"Condition\":{"
                        + "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}"),
                        policy -> policy.attachedTo(SECURITY_OU, SANDBOX));
        String[] billingOnly = IntStream.iterate(25, i -> i < accounts, i -> i + 25).mapToObj(GeneratedOrganization::memberId).toArray(String[]::new);
        if (billingOnly.length > 0) {
            org.policy("p-rootbilling1", "DenyRootExceptBilling", statement("DenyRootExceptBilling",
                    "\"NotAction\":[\"aws-portal:*\",\"account:*\"]," + DENY_ROOT_CONDITION), policy -> policy.attachedToAccounts(billingOnly));
        }
    }

    private static String statement(String sid, String rest) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\",\"Resource\":\"*\"," + rest + "}]}";
    }

    private static void management(Account.Builder account) {
        base(account, MANAGEMENT, "management", null);
        hardwareMfa(account, MANAGEMENT, daysAgo(200));
        securityContact(account)
                .trail("org-trail", trail -> trail.multiRegion(true).organizationTrail(true).logGroup("org-trail/CloudTrailLogs"));
        alarmChain(account, MANAGEMENT, "org-trail/CloudTrailLogs");
        config(account, true);
    }

    private static void member(Account.Builder account, int i) {
        String id = memberId(i);
        int parent = i % PARENTS.length;
        base(account, id, SLUGS.get(parent) + "-" + String.format("%04d", i), PARENTS[parent]);
        if (i % 97 == 0) {
            account.status(Account.Status.SUSPENDED).notAssumable();
        } else if (i % 149 == 0) {
            account.notAssumable();
        }
        int profile = i % 20;
        switch (profile) {
            case 10, 11, 12 -> hardwareMfa(account, id, daysAgo(200));
            case 13 -> virtualMfa(account, id);
            case 14 -> passwordWithoutMfa(account);
            case 15 -> rootAccessKey(account, id);
            case 16 -> signingCertificate(account, id);
            case 17 -> hardwareMfa(account, id, daysAgo(3)).rootEvent(daysAgo(3), "ConsoleLogin", event -> event.sourceIp("203.0.113.7"));
            case 19 -> hardwareMfa(account, id, daysAgo(120)).credentialReport(report -> report.generation(STARTED, INPROGRESS, COMPLETE));
            default -> lockedDown(account);
        }
        if (profile != 14) {
            securityContact(account);
            config(account, i % 5 != 0);
        }
        if (profile == 18) {
            account.fault(Fault.error("account:GetAlternateContact", "AccessDeniedException").message("User: arn:aws:sts::" + id
                            + ":assumed-role/OrganizationAccountAccessRole/rootposture is not authorized to perform: account:GetAlternateContact "
                            + "because no service control policy allows the account:GetAlternateContact action"))
                    .fault("cloudtrail:LookupEvents", "AccessDenied");
        }
        if (i % 4 != 3) {
            account.trail("account-trail", trail -> trail.multiRegion(true).logGroup("account-trail"));
            alarmChain(account, id, "account-trail");
        }
    }

    private static void base(Account.Builder account, String id, String name, OrganizationalUnit parent) {
        account.name(name).parent(parent).tag("owner", "team-" + (Long.parseLong(id) % 17))
                .credentialReport(report -> report.generation(STARTED, COMPLETE))
                .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT).region("ap-east-1", DISABLED);
    }

    private static Account.Builder summary(Account.Builder account, int mfa, int accessKeys, int certificates, int password) {
        return account.accountSummary(Map.of("AccountMFAEnabled", mfa, "AccountAccessKeysPresent", accessKeys,
                "AccountSigningCertificatesPresent", certificates, "AccountPasswordPresent", password));
    }

    private static Account.Builder root(Account.Builder account, UnaryOperator<CredentialReport.Row> columns) {
        return account.credentialReport(report -> report.root(columns));
    }

    private static void lockedDown(Account.Builder account) {
        root(summary(account, 0, 0, 0, 0), row -> row.with(PASSWORD_ENABLED, false).with(PASSWORD_LAST_USED, "no_information").with(MFA_ACTIVE, false));
    }

    private static Account.Builder hardwareMfa(Account.Builder account, String id, LabTime lastUsed) {
        return root(summary(account, 1, 0, 0, 1), row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, lastUsed)
                .with(PASSWORD_LAST_CHANGED, daysAgo(400)).with(MFA_ACTIVE, true))
                .rootPassword(daysAgo(400)).rootMfaDevice("GAHT" + id.substring(4), daysAgo(400));
    }

    private static void virtualMfa(Account.Builder account, String id) {
        String serial = "arn:aws:iam::" + id + ":mfa/root-account-mfa-device";
        root(summary(account, 1, 0, 0, 1), row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(150)).with(MFA_ACTIVE, true))
                .virtualMfaDevice(serial, "arn:aws:iam::" + id + ":root", daysAgo(90))
                .rootPassword().rootMfaDevice(serial);
    }

    private static void passwordWithoutMfa(Account.Builder account) {
        root(summary(account, 0, 0, 0, 1), row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(250)).with(MFA_ACTIVE, false))
                .rootPassword();
    }

    private static void rootAccessKey(Account.Builder account, String id) {
        root(summary(account, 1, 1, 0, 1), row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(500)).with(MFA_ACTIVE, true)
                .with(ACCESS_KEY_1_ACTIVE, false).with(ACCESS_KEY_1_LAST_ROTATED, daysAgo(900)).with(ACCESS_KEY_1_LAST_USED_DATE, daysAgo(400))
                .with(ACCESS_KEY_1_LAST_USED_REGION, "us-east-1").with(ACCESS_KEY_1_LAST_USED_SERVICE, "s3"))
                .rootPassword().rootMfaDevice("GAHT" + id.substring(4)).rootAccessKey("AKIAROOT" + id, INACTIVE, daysAgo(900));
    }

    private static void signingCertificate(Account.Builder account, String id) {
        root(summary(account, 1, 0, 1, 1), row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, daysAgo(180)).with(MFA_ACTIVE, true)
                .with(CERT_1_ACTIVE, true).with(CERT_1_LAST_ROTATED, daysAgo(120)))
                .rootPassword().rootMfaDevice("GAHT" + id.substring(4)).rootSigningCertificate("BENCHROOTCERT" + id, ACTIVE, daysAgo(120));
    }

    private static Account.Builder securityContact(Account.Builder account) {
        return account.contact(SECURITY, "Security Team", "CISO", "security@example.com", "+1-555-0100");
    }

    private static void alarmChain(Account.Builder account, String id, String logGroupName) {
        String topic = "arn:aws:sns:us-east-1:" + id + ":root-activity-alerts";
        account.metricFilter(logGroupName, "RootAccountUsage", CIS_PATTERN, "RootAccountUsageCount", "CISBenchmark")
                .alarm("CIS-RootAccountUsage", "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.actions(topic))
                .subscription(topic, "security@example.com");
    }

    private static void config(Account.Builder account, boolean rules) {
        account.config("us-east-1", config -> rules ? config.rule("root-account-mfa-enabled", ROOT_ACCOUNT_MFA_ENABLED)
                        .rule("root-account-hardware-mfa-enabled", ROOT_ACCOUNT_HARDWARE_MFA_ENABLED)
                        .rule("iam-root-access-key-check", IAM_ROOT_ACCESS_KEY_CHECK) : config)
                .config("eu-west-1", config -> config.recorder(recorder -> recorder.globalResources(false)));
    }
}
