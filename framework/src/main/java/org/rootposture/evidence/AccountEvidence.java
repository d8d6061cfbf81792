package org.rootposture.evidence;

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
}
