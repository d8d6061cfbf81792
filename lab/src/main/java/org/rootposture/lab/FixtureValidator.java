package org.rootposture.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

final class FixtureValidator {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern OPERATION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern USER_ARN = Pattern.compile("arn:aws:iam::\\d{12}:(root|user/.+)");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE");
    private static final Set<String> JOINED_METHODS = Set.of("INVITED", "CREATED");
    private static final Set<String> FEATURE_SETS = Set.of("ALL", "CONSOLIDATED_BILLING");
    private static final Set<String> REPORT_STATES = Set.of("STARTED", "INPROGRESS", "COMPLETE");
    private static final Set<String> CONTACT_TYPES = Set.of("SECURITY", "BILLING", "OPERATIONS");
    private static final Set<String> KEY_STATUSES = Set.of("Active", "Inactive");
    private static final Pattern ROOT_ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
    private static final Pattern CERTIFICATE_ID = Pattern.compile("\\w{24,128}");

    private FixtureValidator() {
    }

    static void validate(OrganizationFixture organization, int pageSize, List<AccountFixture> accounts) {
        if (pageSize < 1 || pageSize > 1000) {
            throw invalid("pageSize must be between 1 and 1000, not " + pageSize);
        }
        if (accounts.isEmpty()) {
            throw invalid("accounts must list at least one account");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountFixture account = accounts.get(i);
            if (account == null) {
                throw invalid("accounts[" + i + "] is null");
            }
            if (account.id() == null || !ACCOUNT_ID.matcher(account.id()).matches()) {
                throw invalid("accounts[" + i + "].id must be 12 digits, not " + quoted(account.id()));
            }
            if (!ids.add(account.id())) {
                throw invalid("account " + account.id() + ": id is a duplicate (accounts[" + i + "].id)");
            }
            new AccountCheck(account).run();
            new MonitoringCheck(account, organization).run();
        }
        if (organization != null) {
            validate(organization, ids);
        }
        OrganizationValidator.validate(organization, accounts);
    }

    private static void validate(OrganizationFixture organization, Set<String> ids) {
        if (organization.id() == null || !ORGANIZATION_ID.matcher(organization.id()).matches()) {
            throw invalid("organization.id must look like o-abcd123456, not " + quoted(organization.id()));
        }
        if (!ids.contains(organization.managementAccountId())) {
            throw invalid("organization.managementAccountId " + quoted(organization.managementAccountId()) + " is not one of the accounts");
        }
        if (!FEATURE_SETS.contains(organization.featureSet())) {
            throw invalid("organization.featureSet must be one of " + FEATURE_SETS + ", not " + quoted(organization.featureSet()));
        }
    }

    private record AccountCheck(AccountFixture account) {

        void run() {
            oneOf("status", account.status(), STATUSES);
            if (account.joinedMethod() != null) {
                oneOf("joinedMethod", account.joinedMethod(), JOINED_METHODS);
            }
            time("joinedTimestamp", account.joinedTimestamp());
            noNulls("aliases", account.aliases());
            credentialReport(account.credentialReport());
            virtualMfaDevices(account.virtualMfaDevices());
            account.alternateContacts().keySet().forEach(type -> oneOf("alternateContacts key", type, CONTACT_TYPES));
            faults(account.faults());
            rootCredentials(account.rootCredentials());
        }

        private void credentialReport(CredentialReportFixture report) {
            if (report.generation().isEmpty()) {
                fail("credentialReport.generation must list at least one state");
            }
            report.generation().forEach(state -> oneOf("credentialReport.generation", state, REPORT_STATES));
            if (report.generatedTime() != null) {
                time("credentialReport.generatedTime", report.generatedTime());
            }
            row("credentialReport.root", report.root());
            for (int i = 0; i < report.users().size(); i++) {
                Map<String, String> user = report.users().get(i);
                String field = "credentialReport.users[" + i + "]";
                if (user.get("user") == null || user.get("user").isBlank()) {
                    fail(field + ".user is missing");
                }
                row(field, user);
            }
        }

        private void row(String field, Map<String, String> row) {
            row.forEach((column, value) -> {
                if (!CredentialReportCsv.COLUMNS.contains(column)) {
                    fail(field + " has unknown column " + quoted(column) + "; columns are " + CredentialReportCsv.COLUMNS);
                }
                if (CredentialReportCsv.DATE_COLUMNS.contains(column) && !CredentialReportCsv.NOT_A_DATE.contains(value)) {
                    time(field + "." + column, value);
                }
            });
        }

        private void virtualMfaDevices(List<VirtualMfaDeviceFixture> devices) {
            noNulls("virtualMfaDevices", devices);
            for (int i = 0; i < devices.size(); i++) {
                VirtualMfaDeviceFixture device = devices.get(i);
                String field = "virtualMfaDevices[" + i + "]";
                if (device.serialNumber() == null || device.serialNumber().isBlank()) {
                    fail(field + ".serialNumber is missing");
                }
                if (device.userArn() != null && !USER_ARN.matcher(device.userArn()).matches()) {
                    fail(field + ".userArn must be arn:aws:iam::<id>:root or arn:aws:iam::<id>:user/<name>, not " + quoted(device.userArn()));
                }
                if (device.enableDate() != null) {
                    time(field + ".enableDate", device.enableDate());
                }
            }
        }

        private void faults(List<FaultFixture> faults) {
            noNulls("faults", faults);
            for (int i = 0; i < faults.size(); i++) {
                FaultFixture fault = faults.get(i);
                String field = "faults[" + i + "]";
                if (fault.operation() == null || !OPERATION.matcher(fault.operation()).matches()) {
                    fail(field + ".operation must look like iam:GetAccountSummary, not " + quoted(fault.operation()));
                }
                if (fault.code() == null || fault.code().isBlank()) {
                    fail(field + ".code is missing");
                }
                if (fault.status() < 400 || fault.status() > 599) {
                    fail(field + ".status must be an HTTP error status (400-599), not " + fault.status());
                }
                if (!FaultFixture.KINDS.contains(fault.kind())) {
                    fail(field + ".kind must be one of " + new java.util.TreeSet<>(FaultFixture.KINDS) + ", not " + quoted(fault.kind()));
                }
                if (fault.times() != null && fault.times() < 1) {
                    fail(field + ".times must be at least 1 (or null for every request), not " + fault.times());
                }
            }
        }

        private void rootCredentials(RootCredentialsFixture root) {
            time("rootCredentials.passwordCreated", root.passwordCreated());
            noNulls("rootCredentials.accessKeys", root.accessKeys());
            noNulls("rootCredentials.mfaDevices", root.mfaDevices());
            noNulls("rootCredentials.signingCertificates", root.signingCertificates());
            for (int i = 0; i < root.accessKeys().size(); i++) {
                RootAccessKeyFixture key = root.accessKeys().get(i);
                String field = "rootCredentials.accessKeys[" + i + "]";
                if (key.id() == null || !ROOT_ACCESS_KEY_ID.matcher(key.id()).matches()) {
                    fail(field + ".id must be 20 capital letters and digits starting with AKIA, not " + quoted(key.id()));
                }
                oneOf(field + ".status", key.status(), KEY_STATUSES);
                time(field + ".created", key.created());
            }
            for (int i = 0; i < root.mfaDevices().size(); i++) {
                RootMfaDeviceFixture device = root.mfaDevices().get(i);
                String field = "rootCredentials.mfaDevices[" + i + "]";
                if (device.serialNumber() == null || device.serialNumber().isBlank()) {
                    fail(field + ".serialNumber is missing");
                }
                time(field + ".enabled", device.enabled());
            }
            for (int i = 0; i < root.signingCertificates().size(); i++) {
                RootSigningCertificateFixture certificate = root.signingCertificates().get(i);
                String field = "rootCredentials.signingCertificates[" + i + "]";
                if (certificate.id() == null || !CERTIFICATE_ID.matcher(certificate.id()).matches()) {
                    fail(field + ".id must be 24 to 128 letters and digits, not " + quoted(certificate.id()));
                }
                oneOf(field + ".status", certificate.status(), KEY_STATUSES);
                time(field + ".uploaded", certificate.uploaded());
            }
        }

        private void oneOf(String field, String value, Set<String> allowed) {
            if (!allowed.contains(value)) {
                fail(field + " must be one of " + allowed + ", not " + quoted(value));
            }
        }

        private void time(String field, String value) {
            if (!TimeValue.isValid(value)) {
                fail(field + " has a bad time value " + quoted(value) + " (" + TimeValue.HINT + ")");
            }
        }

        private void noNulls(String field, List<?> list) {
            if (list.stream().anyMatch(Objects::isNull)) {
                fail(field + " has a null element");
            }
        }

        private void fail(String problem) {
            throw invalid("account " + account.id() + ": " + problem);
        }
    }

    static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid lab fixture: " + problem);
    }
}
