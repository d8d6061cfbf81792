package org.rootposture.evidence;

import java.util.List;

/**
 * The regions per-region controls check in an account: its enabled regions ({@code account:ListRegions}, ENABLED and
 * ENABLED_BY_DEFAULT) or the regions the run was configured with.
 *
 * @param regions    region names, sorted
 * @param source     {@code account:ListRegions} or {@code rootposture.regions}
 * @param provenance the call that produced it, if any
 */
public record EnabledRegions(List<String> regions, String source, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, EnabledRegions> RECORD = EvidenceRecord.of("enabledRegions", EnabledRegions.class, "account:ListRegions");

    public EnabledRegions {
        regions = List.copyOf(regions);
    }
}
