package org.rootposture.evidence;

import java.time.Duration;
import java.util.List;

/**
 * How live evidence is read.
 *
 * @param credentialReportTimeout bound on waiting for the IAM credential report
 * @param regions                 regions for per-region controls; empty: each account's enabled regions
 */
public record EvidenceOptions(Duration credentialReportTimeout, List<String> regions) {

    public EvidenceOptions {
        regions = List.copyOf(regions);
    }
}
