package org.rootposture.evidence;

import java.util.List;

/**
 * The organization's centralized root access features ({@code iam:ListOrganizationsFeatures}).
 *
 * @param organizationId  the organization
 * @param enabledFeatures a subset of {@code RootCredentialsManagement} and {@code RootSessions}
 * @param provenance      the call that produced it
 */
public record OrganizationFeatures(String organizationId, List<String> enabledFeatures, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, OrganizationFeatures> RECORD = EvidenceRecord.of("organizationFeatures", OrganizationFeatures.class, "iam:ListOrganizationsFeatures");

    public static final String ROOT_CREDENTIALS_MANAGEMENT = "RootCredentialsManagement";
    public static final String ROOT_SESSIONS = "RootSessions";

    public OrganizationFeatures {
        enabledFeatures = List.copyOf(enabledFeatures);
    }

    public boolean enabled(String feature) {
        return enabledFeatures.contains(feature);
    }
}
