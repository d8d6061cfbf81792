package org.rootposture.assertions;

import org.rootposture.AwsOrganization;
import org.rootposture.controls.ControlDefinition;
import org.rootposture.controls.OrganizationControls;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;
import org.rootposture.evidence.EvidenceUnavailableException;

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
        ControlDefinition control = OrganizationControls.ROOT_ACCESS_CENTRALIZED.definition();
        Verdict verdict;
        try {
            verdict = OrganizationControls.featuresEnabled(actual.features());
        } catch (EvidenceUnavailableException e) {
            verdict = Verdict.unableToAssess(e);
        }
        verdict = actual.reader().record(control, verdict);
        if (verdict.outcome() == Outcome.FAIL && !verdict.isWaived()) {
            failWithMessage("%s", verdict.reason());
        }
        verdict.enforce(control);
        return myself;
    }
}
