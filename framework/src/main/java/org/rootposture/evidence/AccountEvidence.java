package org.rootposture.evidence;

import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The evidence about one account that controls decide from. Every record is read through {@link #read}, from its
 * {@link EvidenceRecord description}, and returns the record or throws {@link EvidenceUnavailableException}; a live
 * implementation reads each record at most once per run. The named methods are the records a team reads most.
 *
 * <pre>
 * CredentialReport report = account.evidence().credentialReport();
 * RootActivity activity = account.evidence().read(RootActivity.RECORD, "eu-west-1");   // any described record
 * </pre>
 */
public interface AccountEvidence {

    AccountIdentity identity();

    /** The record of this account that the description and request name; its monitoring records included. */
    <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request);

    /**
     * The monitoring evidence of another account this account's evidence leads to, such as the account that owns the
     * log group of an organization trail, or the management account that opens central root sessions. Read once per run
     * through that account's own session: as a target of the run, with the caller's credentials in the caller's
     * account, or through {@code rootposture.role}; a read it cannot make throws {@link EvidenceUnavailableException}.
     */
    MonitoringEvidence monitoringOf(String accountId);

    /** How the account watches its root user: CloudTrail, the CIS alarm chain and AWS Config. */
    default MonitoringEvidence monitoring() {
        return this::read;
    }

    default AccountSummary accountSummary() {
        return read(AccountSummary.RECORD, null);
    }

    default CredentialReport credentialReport() {
        return read(CredentialReport.RECORD, null);
    }

    default VirtualMfaDevices virtualMfaDevices() {
        return read(VirtualMfaDevices.RECORD, null);
    }

    /** The SECURITY alternate contact. */
    default AlternateContact securityContact() {
        return alternateContact(AlternateContact.Type.SECURITY);
    }

    default AlternateContact alternateContact(AlternateContact.Type type) {
        return read(AlternateContact.RECORD, type);
    }

    /** The primary contact: name, company and phone number of the account's owner. */
    default PrimaryContact primaryContact() {
        return read(PrimaryContact.RECORD, null);
    }

    /** The root user's MFA devices, where a central root session lists them. */
    default RootMfaDevices rootMfaDevices() {
        return read(RootMfaDevices.RECORD, null);
    }

    /** The root user's e-mail address, as the organization lists the account; unavailable outside an organization. */
    default RootEmail rootEmail() {
        return read(RootEmail.RECORD, null);
    }

    /** The regions per-region controls check in this account. */
    default EnabledRegions enabledRegions() {
        return read(EnabledRegions.RECORD, null);
    }

    /** The organization the run's caller belongs to; unavailable outside an organization. */
    default OrganizationInfo organization() {
        return read(OrganizationInfo.RECORD, null);
    }

    /** The organization's centralized root access features, as the run's caller reads them. */
    default OrganizationFeatures organizationFeatures() {
        return read(OrganizationFeatures.RECORD, null);
    }

    /** The SCPs that apply to this account, from the organization root down. */
    default ScpChain serviceControlPolicies() {
        return read(ScpChain.RECORD, null);
    }

    /** The credentials of this account's root user, through a root session where possible. */
    default RootCredentialsInventory rootCredentialsInventory() {
        return read(RootCredentialsInventory.RECORD, null);
    }
}
