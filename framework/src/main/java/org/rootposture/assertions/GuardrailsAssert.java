package org.rootposture.assertions;

import org.rootposture.Guardrails;
import org.rootposture.internal.controls.OrganizationControls;

/**
 * Assertions on the SCP guardrails of an account, decided by the same code as {@code @ScpDeniesRoot} and
 * {@code @ScpDeniesRootWithoutMfa}.
 *
 * <pre>
 * assertThat(account.guardrails()).deniesRootActions();
 * </pre>
 */
public final class GuardrailsAssert extends ControlAssertions<GuardrailsAssert, Guardrails> {

    GuardrailsAssert(Guardrails actual) {
        super(actual, GuardrailsAssert.class);
    }

    /**
     * An SCP on the account's chain denies every action by root ({@code org.scp.root-denied}).
     *
     * <pre>assertThat(account.guardrails()).deniesRootActions();</pre>
     */
    public GuardrailsAssert deniesRootActions() {
        isNotNull();
        return satisfies(actual.account(), OrganizationControls.SCP_DENIES_ROOT, actual.account().context());
    }

    /**
     * An SCP on the account's chain denies root's actions without MFA, or all of them ({@code org.scp.root-mfa}).
     *
     * <pre>assertThat(account.guardrails()).deniesRootActionsWithoutMfa();</pre>
     */
    public GuardrailsAssert deniesRootActionsWithoutMfa() {
        isNotNull();
        return satisfies(actual.account(), OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA, actual.account().context());
    }
}
