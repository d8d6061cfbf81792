package org.rootposture.internal.controls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.EnabledRegions;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials.AccessKeyColumns;
import org.rootposture.evidence.RootCredentials.CertificateColumns;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.RootMfaDevices;
import org.rootposture.evidence.ScpChain;
import org.rootposture.evidence.VirtualMfaDevices;
import org.rootposture.internal.session.EvidenceUnavailableException;

/** Evidence built in memory for decision tests; any record left unset is unreadable (AccessDenied). */
final class StubEvidence implements AccountEvidence {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final AccessKeyColumns NO_KEY = new AccessKeyColumns(false, null, null, null, null);
    static final CertificateColumns NO_CERTIFICATE = new CertificateColumns(false, null);
    static final Provenance READ = Provenance.of(NOW, "test");

    private AccountIdentity identity = new AccountIdentity("123456789012", "aws");
    private final Map<String, Integer> summary = new HashMap<>();
    private boolean summaryReadable = true;
    private RootCredentials root = new RootCredentials("arn:aws:iam::123456789012:root", "not_supported", null, null, false,
            NO_KEY, NO_KEY, NO_CERTIFICATE, NO_CERTIFICATE);
    private boolean reportReadable = true;
    private final List<VirtualMfaDevices.Device> devices = new ArrayList<>();
    private final StubRecords records = new StubRecords();
    private final StubMonitoring monitoring = new StubMonitoring();
    private final Map<String, StubMonitoring> otherAccounts = new HashMap<>();

    StubEvidence() {
        records.put(AccountSummary.RECORD, null, () -> {
            if (!summaryReadable) {
                throw StubRecords.denied("iam:GetAccountSummary");
            }
            return new AccountSummary(summary, READ);
        });
        records.put(CredentialReport.RECORD, null, () -> {
            if (!reportReadable) {
                throw StubRecords.denied("iam:GetCredentialReport");
            }
            return new CredentialReport(NOW.minusSeconds(3600), root, 0, READ);
        });
        records.put(VirtualMfaDevices.RECORD, null, () -> new VirtualMfaDevices(devices, READ));
        records.put(RootMfaDevices.RECORD, null, () -> RootMfaDevices.notListed(RootMfaDevices.Availability.ROOT_SESSIONS_OFF, READ));
        records.put(EnabledRegions.RECORD, null, () -> new EnabledRegions(List.of("eu-west-1", "us-east-1"), "rootposture.regions", READ));
        records.put(OrganizationInfo.RECORD, null, () -> {
            throw new EvidenceUnavailableException("organizations:DescribeOrganization", "AWSOrganizationsNotInUseException", "not in an organization");
        });
        records.put(OrganizationFeatures.RECORD, null, () -> {
            throw new EvidenceUnavailableException("iam:ListOrganizationsFeatures", "AccountNotManagementOrDelegatedAdministratorException",
                    "not the management account");
        });
    }

    static StubEvidence account() {
        return new StubEvidence()
                .summary(AccountSummary.MFA_ENABLED, 1)
                .summary(AccountSummary.ACCESS_KEYS_PRESENT, 0)
                .summary(AccountSummary.SIGNING_CERTIFICATES_PRESENT, 0);
    }

    StubEvidence partition(String partition) {
        identity = new AccountIdentity(identity.accountId(), partition);
        return this;
    }

    StubEvidence summary(String key, Integer value) {
        if (value == null) {
            summary.remove(key);
        } else {
            summary.put(key, value);
        }
        return this;
    }

    StubEvidence summaryUnreadable() {
        summaryReadable = false;
        return this;
    }

    StubEvidence root(RootCredentials root) {
        this.root = root;
        return this;
    }

    StubEvidence reportUnreadable() {
        reportReadable = false;
        return this;
    }

    StubEvidence device(String serial, String userArn) {
        devices.add(new VirtualMfaDevices.Device(serial, userArn, NOW.minusSeconds(86400)));
        return this;
    }

    StubEvidence contact(AlternateContact contact) {
        records.put(AlternateContact.RECORD, contact.contactType(), () -> contact);
        return this;
    }

    RootCredentials root() {
        return root;
    }

    StubEvidence organization(String managementAccountId) {
        return put(OrganizationInfo.RECORD, new OrganizationInfo("o-test000001", managementAccountId, READ));
    }

    StubEvidence features(String... enabled) {
        return put(OrganizationFeatures.RECORD, new OrganizationFeatures("o-test000001", List.of(enabled), READ));
    }

    StubEvidence chain(ScpChain chain) {
        return put(ScpChain.RECORD, chain);
    }

    StubEvidence inventory(RootCredentialsInventory inventory) {
        return put(RootCredentialsInventory.RECORD, inventory);
    }

    /** A record the account has once that cannot be read: its operation answers this error. */
    <T extends Evidence> StubEvidence unreadable(EvidenceRecord<Void, T> record, String errorCode) {
        records.put(record, null, () -> {
            throw new EvidenceUnavailableException(record.operation(), errorCode, "answered " + errorCode);
        });
        return this;
    }

    /** Any record the account has once, by its description; {@code null} leaves it unreadable. */
    <T extends Evidence> StubEvidence put(EvidenceRecord<Void, T> record, T value) {
        records.put(record, null, value == null ? () -> {
            throw StubRecords.denied(record.operation());
        } : () -> value);
        return this;
    }

    @Override
    public AccountIdentity identity() {
        return identity;
    }

    @Override
    public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        return records.has(record) ? records.read(record, request) : monitoring.read(record, request);
    }

    @Override
    public StubMonitoring monitoring() {
        return monitoring;
    }

    @Override
    public StubMonitoring monitoringOf(String accountId) {
        if (accountId.equals(identity.accountId())) {
            return monitoring;
        }
        StubMonitoring other = otherAccounts.get(accountId);
        if (other == null) {
            throw new EvidenceUnavailableException("sts:AssumeRole", "AccessDenied", "not authorized to perform sts:AssumeRole in " + accountId + " (HTTP 403)");
        }
        return other;
    }

    /** The monitoring evidence of another account, readable through the run. */
    StubMonitoring otherAccount(String accountId) {
        return otherAccounts.computeIfAbsent(accountId, id -> new StubMonitoring());
    }
}
