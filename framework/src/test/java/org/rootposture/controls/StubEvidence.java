package org.rootposture.controls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.EnabledRegions;
import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials.AccessKeyColumns;
import org.rootposture.evidence.RootCredentials.CertificateColumns;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.ScpChain;
import org.rootposture.evidence.SecurityContact;
import org.rootposture.evidence.VirtualMfaDevices;
import org.rootposture.session.EvidenceUnavailableException;

/** Evidence built in memory for decision tests; any record left unset is unreadable (AccessDenied). */
final class StubEvidence implements AccountEvidence {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final AccessKeyColumns NO_KEY = new AccessKeyColumns(false, null, null, null, null);
    static final CertificateColumns NO_CERTIFICATE = new CertificateColumns(false, null);
    static final Provenance READ = Provenance.of(NOW, "test");

    private AccountIdentity identity = new AccountIdentity("123456789012", "aws");
    private final Map<String, Integer> summary = new HashMap<>();
    private boolean summaryReadable = true;
    private RootCredentials root = new RootCredentials("arn:aws:iam::123456789012:root", "not_supported", null, false,
            NO_KEY, NO_KEY, NO_CERTIFICATE, NO_CERTIFICATE);
    private boolean reportReadable = true;
    private final List<VirtualMfaDevices.Device> devices = new ArrayList<>();
    private SecurityContact contact;
    private OrganizationInfo organization;
    private OrganizationFeatures features;
    private ScpChain chain;
    private RootCredentialsInventory inventory;
    private final StubMonitoring monitoring = new StubMonitoring();
    private final Map<String, StubMonitoring> otherAccounts = new HashMap<>();

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

    StubEvidence contact(SecurityContact contact) {
        this.contact = contact;
        return this;
    }

    RootCredentials root() {
        return root;
    }

    @Override
    public AccountIdentity identity() {
        return identity;
    }

    @Override
    public AccountSummary accountSummary() {
        if (!summaryReadable) {
            throw denied("iam:GetAccountSummary");
        }
        return new AccountSummary(summary, READ);
    }

    @Override
    public CredentialReport credentialReport() {
        if (!reportReadable) {
            throw denied("iam:GetCredentialReport");
        }
        return new CredentialReport(NOW.minusSeconds(3600), root, 0, READ);
    }

    @Override
    public VirtualMfaDevices virtualMfaDevices() {
        return new VirtualMfaDevices(devices, READ);
    }

    @Override
    public SecurityContact securityContact() {
        if (contact == null) {
            throw denied("account:GetAlternateContact");
        }
        return contact;
    }

    @Override
    public EnabledRegions enabledRegions() {
        return new EnabledRegions(List.of("eu-west-1", "us-east-1"), "rootposture.regions", READ);
    }

    @Override
    public OrganizationInfo organization() {
        if (organization == null) {
            throw new EvidenceUnavailableException("organizations:DescribeOrganization", "AWSOrganizationsNotInUseException", "not in an organization");
        }
        return organization;
    }

    @Override
    public OrganizationFeatures organizationFeatures() {
        if (features == null) {
            throw new EvidenceUnavailableException("iam:ListOrganizationsFeatures", "AccountNotManagementOrDelegatedAdministratorException", "not the management account");
        }
        return features;
    }

    @Override
    public ScpChain serviceControlPolicies() {
        if (chain == null) {
            throw denied("organizations:ListTargetsForPolicy");
        }
        return chain;
    }

    @Override
    public RootCredentialsInventory rootCredentialsInventory() {
        if (inventory == null) {
            throw denied("sts:AssumeRoot");
        }
        return inventory;
    }

    StubEvidence organization(String managementAccountId) {
        organization = new OrganizationInfo("o-test000001", managementAccountId, READ);
        return this;
    }

    StubEvidence features(String... enabled) {
        features = new OrganizationFeatures("o-test000001", List.of(enabled), READ);
        return this;
    }

    StubEvidence chain(ScpChain chain) {
        this.chain = chain;
        return this;
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

    StubEvidence inventory(RootCredentialsInventory inventory) {
        this.inventory = inventory;
        return this;
    }

    private static EvidenceUnavailableException denied(String operation) {
        return new EvidenceUnavailableException(operation, "AccessDenied", "not authorized (HTTP 403)");
    }
}
