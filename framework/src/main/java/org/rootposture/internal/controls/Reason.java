package org.rootposture.internal.controls;

import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * A verdict's reason: the finding on the first line, in words that never vary per account, region or run, so that one
 * finding across a thousand accounts is one group in the report; then, after one newline, the account's own detail
 * (chain, policies, dates, events) as one paragraph.
 *
 * <pre>
 * Reason.of("No SCP in effect denies every action by the root user.", "Chain: r-ab12 → ou-ab12-cd34ef56 → 222222222222; …")
 * </pre>
 */
final class Reason {

    private Reason() {
    }

    static String of(String finding, String detail) {
        return finding + "\n" + detail.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The finding of a failed AWS call: {@code iam:GetAccountSummary failed with AccessDenied.} */
    static String failed(EvidenceUnavailableException failure) {
        return failure.operation() + " failed with " + failure.errorCode() + ".";
    }
}
