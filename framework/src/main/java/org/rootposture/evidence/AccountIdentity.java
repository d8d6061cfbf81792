package org.rootposture.evidence;

/**
 * Which account evidence is about.
 *
 * @param accountId 12-digit account id
 * @param partition {@code aws}, {@code aws-us-gov}, {@code aws-cn}
 */
public record AccountIdentity(String accountId, String partition) {

    /** The ARN that names this account's root user, e.g. {@code arn:aws:iam::123456789012:root}. */
    public String rootArn() {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }

    /** Whether the partition has a root user at all: GovCloud and China do not. */
    public boolean partitionHasRootUser() {
        return !partition.equals("aws-us-gov") && !partition.equals("aws-cn");
    }
}
