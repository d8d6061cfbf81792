package org.rootposture.lab;

import java.util.List;

/**
 * The AWS organization of a fixture.
 *
 * @param id                      organization id such as {@code o-demo000001}
 * @param managementAccountId     the management account, which must be one of the fixture's accounts
 * @param featureSet              {@code ALL} (default) or {@code CONSOLIDATED_BILLING}
 * @param rootId                  id of the organization's root (default {@code r-} and four letters derived from the
 *                                organization id)
 * @param organizationalUnits     the OUs, nested through their parent ids
 * @param policies                the service control policies besides AWS's {@code FullAWSAccess}
 * @param fullAwsAccess           whether {@code FullAWSAccess} is attached to the root, every OU and every account, as
 *                                AWS does (default true)
 * @param features                IAM's centralized root access features: {@code RootCredentialsManagement},
 *                                {@code RootSessions} (default none)
 * @param delegatedAdministrators member accounts that administer centralized root access besides the management account
 */
public record OrganizationFixture(
        String id,
        String managementAccountId,
        String featureSet,
        String rootId,
        List<OrganizationalUnitFixture> organizationalUnits,
        List<PolicyFixture> policies,
        Boolean fullAwsAccess,
        List<String> features,
        List<String> delegatedAdministrators) {

    public OrganizationFixture {
        featureSet = featureSet == null ? "ALL" : featureSet;
        rootId = rootId == null && id != null ? defaultRootId(id) : rootId;
        organizationalUnits = Copies.list(organizationalUnits);
        policies = Copies.list(policies);
        fullAwsAccess = fullAwsAccess == null || fullAwsAccess;
        features = Copies.list(features);
        delegatedAdministrators = Copies.list(delegatedAdministrators);
    }

    private static String defaultRootId(String organizationId) {
        StringBuilder root = new StringBuilder("r-");
        int hash = Math.floorMod(organizationId.hashCode(), 26 * 26 * 26 * 26);
        for (int i = 0; i < 4; i++) {
            root.append((char) ('a' + hash % 26));
            hash /= 26;
        }
        return root.toString();
    }
}
