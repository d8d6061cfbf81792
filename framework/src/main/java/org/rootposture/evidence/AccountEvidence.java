package org.rootposture.evidence;

import org.rootposture.session.EvidenceUnavailableException;

/**
 * The evidence about one account that controls decide from. Each method returns a record or throws
 * {@link EvidenceUnavailableException}; a live implementation reads each record at most once per run.
 */
public interface AccountEvidence {

    AccountIdentity identity();

    AccountSummary accountSummary();

    CredentialReport credentialReport();

    VirtualMfaDevices virtualMfaDevices();

    SecurityContact securityContact();

    /** The regions per-region controls check in this account. */
    EnabledRegions enabledRegions();

    /** The organization the run's caller belongs to; unavailable outside an organization. */
    OrganizationInfo organization();

    /** The organization's centralized root access features, as the run's caller reads them. */
    OrganizationFeatures organizationFeatures();

    /** The SCPs that apply to this account, from the organization root down. */
    ScpChain serviceControlPolicies();

    /** The credentials of this account's root user, through a root session where possible. */
    RootCredentialsInventory rootCredentialsInventory();

    /** How the account watches its root user: CloudTrail, the CIS alarm chain and AWS Config. */
    MonitoringEvidence monitoring();

    /**
     * The monitoring evidence of another account this account's evidence leads to, such as the account that owns the
     * log group of an organization trail, or the management account that opens central root sessions. Read once per run
     * through that account's own session: as a target of the run, with the caller's credentials in the caller's
     * account, or through {@code rootposture.role}; a read it cannot make throws {@link EvidenceUnavailableException}.
     */
    MonitoringEvidence monitoringOf(String accountId);
}
