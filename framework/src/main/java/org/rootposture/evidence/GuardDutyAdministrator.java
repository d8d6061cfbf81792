package org.rootposture.evidence;

import java.util.List;
import java.util.Locale;

/**
 * The GuardDuty administrator account of one detector ({@code guardduty:GetAdministratorAccount}): a delegated
 * administrator of the organization, or one that invited the account. Its EventBridge receives the findings of its
 * member accounts while the relationship is {@code Enabled}.
 *
 * @param region             the detector's region
 * @param detectorId         the detector
 * @param accountId          the administrator account, or {@code null} when there is none
 * @param relationshipStatus the relationship, such as {@code Enabled}, {@code Removed} or {@code Resigned}; {@code null} without one
 * @param provenance         the call that produced it
 */
public record GuardDutyAdministrator(String region, String detectorId, String accountId, String relationshipStatus, Provenance provenance)
        implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<OfDetector, GuardDutyAdministrator> RECORD = EvidenceRecord.of("monitoring.guardDutyAdministrator",
            GuardDutyAdministrator.class, of -> List.of(of.region(), of.detectorId()), "guardduty:GetAdministratorAccount");

    /**
     * A detector in a region, whose administrator is read.
     *
     * @param region     the detector's region
     * @param detectorId the detector
     */
    public record OfDetector(String region, String detectorId) { }

    /** Whether an administrator account receives this detector's findings: one is named and the relationship is enabled. */
    public boolean receivesFindings() {
        return accountId != null && relationshipStatus != null && relationshipStatus.toLowerCase(Locale.ROOT).equals("enabled");
    }
}
