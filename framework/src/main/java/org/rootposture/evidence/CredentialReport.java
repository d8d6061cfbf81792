package org.rootposture.evidence;

import java.time.Instant;

/**
 * What Root Posture keeps of the IAM credential report: when AWS generated it, the root row, and how many IAM user
 * rows it had. IAM users' own rows are not kept: they are not root evidence.
 *
 * @param generatedTime when AWS generated the report (AWS regenerates at most every four hours)
 * @param root          the {@code <root_account>} row
 * @param userRows      the number of other rows
 * @param provenance    the calls that produced it
 */
public record CredentialReport(Instant generatedTime, RootCredentials root, int userRows, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, CredentialReport> RECORD = EvidenceRecord.of("credentialReport", CredentialReport.class, "iam:GetCredentialReport", "iam:GenerateCredentialReport");

}
