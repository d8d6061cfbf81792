package org.rootposture.assertions;

import org.rootposture.GuardDuty;
import org.rootposture.internal.controls.MonitoringControls;

/**
 * Assertions on GuardDuty in an account, decided by the same code as {@code @RootFindingsAreAlerted}.
 *
 * <pre>
 * assertThat(account.guardDuty()).alertsOnRootCredentialUsage();
 * </pre>
 */
public final class GuardDutyAssert extends ControlAssertions<GuardDutyAssert, GuardDuty> {

    GuardDutyAssert(GuardDuty actual) {
        super(actual, GuardDutyAssert.class);
    }

    /**
     * In every enabled region, GuardDuty is enabled and an enabled EventBridge rule with a target, the account's own or its
     * GuardDuty administrator's, matches the Low-severity root credential usage finding ({@code guardduty.root-findings.alerted});
     * a failure names the first region without one and what is missing there.
     *
     * <pre>assertThat(account.guardDuty()).alertsOnRootCredentialUsage();</pre>
     */
    public GuardDutyAssert alertsOnRootCredentialUsage() {
        isNotNull();
        return EveryRegion.satisfies(this, actual.account(), MonitoringControls.ROOT_FINDINGS_ALERTED, actual.account().context());
    }
}
