package org.rootposture.lab;

/**
 * The AWS organization of a fixture.
 *
 * @param id                  organization id such as {@code o-demo000001}
 * @param managementAccountId the management account, which must be one of the fixture's accounts
 * @param featureSet          {@code ALL} (default) or {@code CONSOLIDATED_BILLING}
 */
public record OrganizationFixture(String id, String managementAccountId, String featureSet) {

    public OrganizationFixture {
        featureSet = featureSet == null ? "ALL" : featureSet;
    }
}
