package org.rootposture.evidence;

import java.time.Instant;
import java.util.List;

/**
 * Where a piece of evidence came from: the AWS calls that produced it and when it was read.
 *
 * @param calls  the operations, e.g. {@code iam:GetAccountSummary}
 * @param readAt when the last of them answered
 */
public record Provenance(List<String> calls, Instant readAt) {

    public Provenance {
        calls = List.copyOf(calls);
    }

    public static Provenance of(Instant readAt, String... calls) {
        return new Provenance(List.of(calls), readAt);
    }
}
