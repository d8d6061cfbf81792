package org.rootposture.assertions;

import org.rootposture.AwsOrganization;
import org.rootposture.internal.Check;
import org.rootposture.internal.controls.OrganizationControls;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Assertions on an organization, decided by the same code as {@code @RootAccessIsCentralized}.
 *
 * <pre>
 * assertThat(account.organization()).hasCentralizedRootAccess();
 * </pre>
 */
public final class OrganizationAssert extends ControlAssertions<OrganizationAssert, AwsOrganization> {

    OrganizationAssert(AwsOrganization actual) {
        super(actual, OrganizationAssert.class);
    }

    /**
     * RootCredentialsManagement and RootSessions are both enabled ({@code org.root-access.centralized}).
     *
     * <pre>assertThat(account.organization()).hasCentralizedRootAccess();</pre>
     */
    public OrganizationAssert hasCentralizedRootAccess() {
        isNotNull();
        Verdict verdict;
        try {
            verdict = OrganizationControls.featuresEnabled(actual.features());
        } catch (EvidenceUnavailableException e) {
            verdict = Verdict.unableToAssess(e);
        }
        Check.current().judge(actual.reader(), OrganizationControls.ROOT_ACCESS_CENTRALIZED.definition(), verdict);
        return myself;
    }
}
