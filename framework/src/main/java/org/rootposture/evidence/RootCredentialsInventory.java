package org.rootposture.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What credentials a member account's root user has. Read through an {@code sts:AssumeRoot} session with the
 * {@code IAMAuditRootUserCredentials} task policy where the run opts in ({@code rootposture.root-sessions}) and the
 * organization allows root sessions, which sees root directly; otherwise derived from the account summary and credential
 * report, which the {@code source} says.
 * Access key ids are never kept: only their status and dates.
 *
 * @param source             which evidence was used
 * @param password           whether root has a password (console sign-in)
 * @param passwordCreated    when the password was created (its login profile's {@code CreateDate}, which a root session reads;
 *                           a later change of the password does not move it); absent without a root session or a password
 * @param accessKeys         each key's status and creation date, e.g. {@code Inactive, created 2024-01-01}
 * @param mfaDevices         MFA device serial numbers
 * @param signingCertificates each certificate's status and upload date
 * @param provenance         the calls that produced it
 */
public record RootCredentialsInventory(String source, boolean password, Instant passwordCreated, List<String> accessKeys,
                                       List<String> mfaDevices, List<String> signingCertificates, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, RootCredentialsInventory> RECORD = EvidenceRecord.of("rootCredentialsInventory", RootCredentialsInventory.class, "sts:AssumeRoot", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:ListMFADevices", "iam:ListSigningCertificates");

    public static final String ROOT_SESSION = "an sts:AssumeRoot session with the IAMAuditRootUserCredentials task policy";
    public static final String ROOT_SESSIONS_OFF = "the account summary and the IAM credential report, as this run opens no root session "
            + "(rootposture.root-sessions=true would read the root user directly through an sts:AssumeRoot session)";
    public static final String ROOT_SESSIONS_NOT_ENABLED = "the account summary and the IAM credential report, as root sessions (RootSessions) "
            + "are not enabled for the organization, or this run's caller cannot see its features";
    public static final String MANAGEMENT_ACCOUNT = "the account summary and the IAM credential report, as sts:AssumeRoot opens sessions "
            + "into member accounts only, not into the management account";

    public RootCredentialsInventory {
        accessKeys = List.copyOf(accessKeys);
        mfaDevices = List.copyOf(mfaDevices);
        signingCertificates = List.copyOf(signingCertificates);
    }

    public boolean none() {
        return !password && accessKeys.isEmpty() && mfaDevices.isEmpty() && signingCertificates.isEmpty();
    }
}
