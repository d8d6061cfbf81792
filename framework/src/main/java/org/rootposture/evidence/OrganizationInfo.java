package org.rootposture.evidence;

/**
 * The organization the run's caller belongs to ({@code organizations:DescribeOrganization}).
 *
 * @param organizationId      e.g. {@code o-a1b2c3d4e5}
 * @param managementAccountId the management account
 * @param provenance          the call that produced it
 */
public record OrganizationInfo(String organizationId, String managementAccountId, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, OrganizationInfo> RECORD = EvidenceRecord.of("organization", OrganizationInfo.class, "organizations:DescribeOrganization");

}
