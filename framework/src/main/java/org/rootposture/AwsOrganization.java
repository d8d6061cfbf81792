package org.rootposture;

import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;

/**
 * The AWS organization a run's accounts belong to, as the run's caller sees it; the subject of organization assertions.
 *
 * <pre>
 * &#64;ForEachAccount
 * void organizationCentralizesRoot(AwsAccount account) {
 *     assertThat(account.organization()).hasCentralizedRootAccess();
 * }
 * </pre>
 */
public final class AwsOrganization {

    private final AwsAccount reader;

    AwsOrganization(AwsAccount reader) {
        this.reader = reader;
    }

    /** The organization id and management account. */
    public OrganizationInfo info() {
        return reader.evidence().organization();
    }

    /** The centralized root access features. */
    public OrganizationFeatures features() {
        return reader.evidence().organizationFeatures();
    }

    /** The account through which the organization is read. */
    public AwsAccount reader() {
        return reader;
    }

    @Override
    public String toString() {
        return "organization of " + reader.displayName();
    }
}
