package org.rootposture.internal.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How live evidence is read.
 *
 * @param credentialReportTimeout   bound on waiting for the IAM credential report
 * @param regions                   regions for per-region controls; empty: each account's enabled regions
 * @param credentialReportNotBefore a credential report generated before this instant is stale; empty: any age
 * @param rootSessions              whether the run may open {@code sts:AssumeRoot} audit sessions ({@code rootposture.root-sessions})
 */
public record EvidenceOptions(Duration credentialReportTimeout, List<String> regions, Optional<Instant> credentialReportNotBefore,
                              boolean rootSessions) {

    public EvidenceOptions {
        regions = List.copyOf(regions);
    }

    /** Options reading each account's enabled regions, accepting a credential report of any age and opening no root session. */
    public static EvidenceOptions waitingAtMost(Duration credentialReportTimeout) {
        return new EvidenceOptions(credentialReportTimeout, List.of(), Optional.empty(), false);
    }

    /** These options, allowing root sessions or not. */
    public EvidenceOptions withRootSessions(boolean allowed) {
        return new EvidenceOptions(credentialReportTimeout, regions, credentialReportNotBefore, allowed);
    }
}
