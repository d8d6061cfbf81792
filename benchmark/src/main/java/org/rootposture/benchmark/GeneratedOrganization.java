package org.rootposture.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.rootposture.lab.Fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROD = "ou-bnch-prod0001";
    private static final String PAYMENTS = "ou-bnch-pay00001";
    private static final String DATA = "ou-bnch-data0001";
    private static final String DEV = "ou-bnch-dev00001";
    private static final String SANDBOX = "ou-bnch-sbx00001";
    private static final String SECURITY = "ou-bnch-sec00001";
    private static final String WORKLOADS = "ou-bnch-wkld0001";
    private static final List<String> PARENTS = List.of(ROOT, PROD, PAYMENTS, DATA, DEV, SANDBOX, SECURITY, WORKLOADS);
    private static final List<String> SLUGS = List.of("shared", "prod", "payments", "data", "dev", "sandbox", "security", "workloads");
    private static final String ROOT_ARN_PATTERN = "arn:aws:iam::*:root";

    private GeneratedOrganization() {
    }

    static Fixture of(int accounts) {
        return Fixture.fromJson(json(accounts));
    }

    static String json(int accounts) {
        if (accounts < 1) {
            throw new IllegalArgumentException("an organization needs at least one account, not " + accounts);
        }
        ObjectNode fixture = JSON.createObjectNode();
        fixture.set("organization", organization(accounts));
        fixture.put("pageSize", 20);
        ArrayNode list = fixture.putArray("accounts");
        list.add(management());
        for (int i = 1; i < accounts; i++) {
            list.add(member(i));
        }
        return fixture.toString();
    }

    static String memberId(int i) {
        return String.format("%012d", 200_000_000_000L + i);
    }

    private static ObjectNode organization(int accounts) {
        ObjectNode org = JSON.createObjectNode()
                .put("id", ORGANIZATION).put("managementAccountId", MANAGEMENT).put("rootId", ROOT);
        org.putArray("features").add("RootCredentialsManagement").add("RootSessions");
        ArrayNode units = org.putArray("organizationalUnits");
        unit(units, PROD, "Production", ROOT);
        unit(units, PAYMENTS, "Payments", PROD);
        unit(units, DATA, "Data", PROD);
        unit(units, DEV, "Development", ROOT);
        unit(units, SANDBOX, "Sandbox", DEV);
        unit(units, SECURITY, "Security", ROOT);
        unit(units, WORKLOADS, "Workloads", ROOT);
        ArrayNode policies = org.putArray("policies");
        policy(policies, "p-denyleave01", "DenyLeavingOrganization", statement("DenyLeavingOrganization")
                .put("Action", "organizations:LeaveOrganization"), List.of(ROOT));
        ObjectNode denyRoot = statement("DenyRootUser").put("Action", "*");
        denyRoot.putObject("Condition").putObject("StringLike").put("aws:PrincipalArn", ROOT_ARN_PATTERN);
        policy(policies, "p-denyroot01", "DenyRootUser", denyRoot, List.of(PROD, WORKLOADS));
        ObjectNode denyWithoutMfa = statement("DenyRootWithoutMfa").put("Action", "*");
        ObjectNode condition = denyWithoutMfa.putObject("Condition");
        condition.putObject("ArnLike").put("aws:PrincipalArn", ROOT_ARN_PATTERN);
        condition.putObject("BoolIfExists").put("aws:MultiFactorAuthPresent", "false");
        policy(policies, "p-denyrootmfa1", "DenyRootWithoutMfa", denyWithoutMfa, List.of(SECURITY, SANDBOX));
        ObjectNode exceptBilling = statement("DenyRootExceptBilling");
        exceptBilling.putArray("NotAction").add("aws-portal:*").add("account:*");
        exceptBilling.putObject("Condition").putObject("StringLike").put("aws:PrincipalArn", ROOT_ARN_PATTERN);
        List<String> billingOnly = new ArrayList<>();
        for (int i = 25; i < accounts; i += 25) {
            billingOnly.add(memberId(i));
        }
        if (!billingOnly.isEmpty()) {
            policy(policies, "p-rootbilling1", "DenyRootExceptBilling", exceptBilling, billingOnly);
        }
        return org;
    }

    private static void unit(ArrayNode units, String id, String name, String parent) {
        units.addObject().put("id", id).put("name", name).put("parentId", parent);
    }

    private static ObjectNode statement(String sid) {
        return JSON.createObjectNode().put("Sid", sid).put("Effect", "Deny").put("Resource", "*");
    }

    private static void policy(ArrayNode policies, String id, String name, ObjectNode statement, List<String> targets) {
        ObjectNode policy = policies.addObject().put("id", id).put("name", name);
        ObjectNode content = policy.putObject("content").put("Version", "2012-10-17");
        content.putArray("Statement").add(statement);
        ArrayNode list = policy.putArray("targets");
        targets.forEach(list::add);
    }

    private static ObjectNode management() {
        ObjectNode account = base(MANAGEMENT, "management", ROOT);
        hardwareMfa(account, MANAGEMENT, "-P200D");
        securityContact(account);
        ObjectNode monitoring = regions(account);
        String logGroup = "arn:aws:logs:us-east-1:" + MANAGEMENT + ":log-group:org-trail/CloudTrailLogs:*";
        ObjectNode trail = monitoring.putArray("trails").addObject().put("name", "org-trail").put("homeRegion", "us-east-1")
                .put("multiRegion", true).put("organizationTrail", true).put("logGroupArn", logGroup);
        trail.putArray("eventSelectors").addObject().put("readWriteType", "All").put("includeManagementEvents", true);
        alarmChain(monitoring, MANAGEMENT, "org-trail/CloudTrailLogs");
        config(monitoring, true);
        return account;
    }

    private static ObjectNode member(int i) {
        String id = memberId(i);
        int parent = i % PARENTS.size();
        ObjectNode account = base(id, SLUGS.get(parent) + "-" + String.format("%04d", i), PARENTS.get(parent));
        if (i % 97 == 0) {
            account.put("status", "SUSPENDED").put("assumable", false);
        } else if (i % 149 == 0) {
            account.put("assumable", false);
        }
        int profile = i % 20;
        switch (profile) {
            case 10, 11, 12 -> hardwareMfa(account, id, "-P200D");
            case 13 -> virtualMfa(account, id);
            case 14 -> passwordWithoutMfa(account);
            case 15 -> rootAccessKey(account, id);
            case 16 -> signingCertificate(account, id);
            case 17 -> hardwareMfa(account, id, "-P3D");
            case 19 -> {
                hardwareMfa(account, id, "-P120D");
                ((ObjectNode) account.get("credentialReport")).putArray("generation").add("STARTED").add("INPROGRESS").add("COMPLETE");
            }
            default -> lockedDown(account);
        }
        if (profile != 14) {
            securityContact(account);
        }
        if (profile == 18) {
            ArrayNode faults = account.putArray("faults");
            faults.addObject().put("operation", "account:GetAlternateContact").put("code", "AccessDeniedException")
                    .put("message", "User: arn:aws:sts::" + id + ":assumed-role/OrganizationAccountAccessRole/rootposture is not authorized "
                            + "to perform: account:GetAlternateContact because no service control policy allows the account:GetAlternateContact action");
            faults.addObject().put("operation", "cloudtrail:LookupEvents").put("code", "AccessDenied");
        }
        ObjectNode monitoring = regions(account);
        if (i % 4 != 3) {
            String logGroup = "arn:aws:logs:us-east-1:" + id + ":log-group:account-trail:*";
            monitoring.putArray("trails").addObject().put("name", "account-trail").put("homeRegion", "us-east-1")
                    .put("multiRegion", true).put("logGroupArn", logGroup);
            alarmChain(monitoring, id, "account-trail");
        }
        if (profile == 17) {
            monitoring.putArray("rootEvents").addObject().put("time", "-P3D").put("name", "ConsoleLogin").put("sourceIp", "203.0.113.7");
        }
        if (profile != 14) {
            config(monitoring, i % 5 != 0);
        }
        return account;
    }

    private static ObjectNode base(String id, String name, String parent) {
        ObjectNode account = JSON.createObjectNode().put("id", id).put("name", name).put("parentId", parent);
        account.putObject("tags").put("owner", "team-" + (Long.parseLong(id) % 17));
        ObjectNode report = account.putObject("credentialReport");
        report.putArray("generation").add("STARTED").add("COMPLETE");
        return account;
    }

    private static void summary(ObjectNode account, int mfa, int keys, int certificates, int password) {
        account.putObject("accountSummary").put("AccountMFAEnabled", mfa).put("AccountAccessKeysPresent", keys)
                .put("AccountSigningCertificatesPresent", certificates).put("AccountPasswordPresent", password);
    }

    private static ObjectNode root(ObjectNode account) {
        return ((ObjectNode) account.get("credentialReport")).putObject("root");
    }

    private static void lockedDown(ObjectNode account) {
        summary(account, 0, 0, 0, 0);
        root(account).put("password_enabled", "false").put("password_last_used", "no_information").put("mfa_active", "false");
    }

    private static void hardwareMfa(ObjectNode account, String id, String lastUsed) {
        summary(account, 1, 0, 0, 1);
        root(account).put("password_enabled", "true").put("password_last_used", lastUsed).put("password_last_changed", "-P400D")
                .put("mfa_active", "true");
        ObjectNode credentials = account.putObject("rootCredentials").put("password", true).put("passwordCreated", "-P400D");
        credentials.putArray("mfaDevices").addObject().put("serialNumber", "GAHT" + id.substring(4)).put("enabled", "-P400D");
    }

    private static void virtualMfa(ObjectNode account, String id) {
        summary(account, 1, 0, 0, 1);
        root(account).put("password_enabled", "true").put("password_last_used", "-P150D").put("mfa_active", "true");
        String serial = "arn:aws:iam::" + id + ":mfa/root-account-mfa-device";
        account.putArray("virtualMfaDevices").addObject().put("serialNumber", serial).put("userArn", "arn:aws:iam::" + id + ":root");
        ObjectNode credentials = account.putObject("rootCredentials").put("password", true);
        credentials.putArray("mfaDevices").addObject().put("serialNumber", serial);
    }

    private static void passwordWithoutMfa(ObjectNode account) {
        summary(account, 0, 0, 0, 1);
        root(account).put("password_enabled", "true").put("password_last_used", "-P250D").put("mfa_active", "false");
        account.putObject("rootCredentials").put("password", true);
    }

    private static void rootAccessKey(ObjectNode account, String id) {
        summary(account, 1, 1, 0, 1);
        root(account).put("password_enabled", "true").put("password_last_used", "-P500D").put("mfa_active", "true")
                .put("access_key_1_active", "false").put("access_key_1_last_rotated", "-P900D")
                .put("access_key_1_last_used_date", "-P400D").put("access_key_1_last_used_region", "us-east-1")
                .put("access_key_1_last_used_service", "s3");
        ObjectNode credentials = account.putObject("rootCredentials").put("password", true);
        credentials.putArray("mfaDevices").addObject().put("serialNumber", "GAHT" + id.substring(4));
        credentials.putArray("accessKeys").addObject().put("id", "AKIAROOT" + id).put("status", "Inactive").put("created", "-P900D");
    }

    private static void signingCertificate(ObjectNode account, String id) {
        summary(account, 1, 0, 1, 1);
        root(account).put("password_enabled", "true").put("password_last_used", "-P180D").put("mfa_active", "true")
                .put("cert_1_active", "true").put("cert_1_last_rotated", "-P120D");
        ObjectNode credentials = account.putObject("rootCredentials").put("password", true);
        credentials.putArray("mfaDevices").addObject().put("serialNumber", "GAHT" + id.substring(4));
        credentials.putArray("signingCertificates").addObject().put("id", "BENCHROOTCERT" + id).put("status", "Active").put("uploaded", "-P120D");
    }

    private static void securityContact(ObjectNode account) {
        account.putObject("alternateContacts").putObject("SECURITY").put("name", "Security Team").put("title", "CISO")
                .put("emailAddress", "security@example.com").put("phoneNumber", "+1-555-0100");
    }

    private static ObjectNode regions(ObjectNode account) {
        ObjectNode monitoring = account.putObject("monitoring");
        monitoring.putObject("regions").put("us-east-1", "ENABLED_BY_DEFAULT").put("eu-west-1", "ENABLED_BY_DEFAULT").put("ap-east-1", "DISABLED");
        return monitoring;
    }

    private static void alarmChain(ObjectNode monitoring, String id, String logGroupName) {
        monitoring.putArray("metricFilters").addObject().put("logGroupName", logGroupName).put("filterName", "RootAccountUsage")
                .put("pattern", "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }")
                .put("metricName", "RootAccountUsageCount").put("namespace", "CISBenchmark");
        String topic = "arn:aws:sns:us-east-1:" + id + ":root-activity-alerts";
        monitoring.putArray("alarms").addObject().put("name", "CIS-RootAccountUsage").put("metricName", "RootAccountUsageCount")
                .put("namespace", "CISBenchmark").putArray("actions").add(topic);
        monitoring.putArray("subscriptions").addObject().put("topicArn", topic).put("protocol", "email").put("endpoint", "security@example.com");
    }

    private static void config(ObjectNode monitoring, boolean rules) {
        ObjectNode config = monitoring.putObject("config");
        ObjectNode home = config.putObject("us-east-1");
        home.putObject("recorder").put("includeGlobalResourceTypes", true);
        if (rules) {
            ArrayNode list = home.putArray("rules");
            rule(list, "root-account-mfa-enabled", "ROOT_ACCOUNT_MFA_ENABLED");
            rule(list, "root-account-hardware-mfa-enabled", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED");
            rule(list, "iam-root-access-key-check", "IAM_ROOT_ACCESS_KEY_CHECK");
        }
        config.putObject("eu-west-1").putObject("recorder").put("includeGlobalResourceTypes", false);
    }

    private static void rule(ArrayNode rules, String name, String source) {
        rules.addObject().put("name", name).put("sourceIdentifier", source).putArray("compliance").add("COMPLIANT");
    }
}
