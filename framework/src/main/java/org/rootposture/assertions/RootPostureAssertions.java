package org.rootposture.assertions;

import org.rootposture.AwsAccount;
import org.rootposture.AwsConfig;
import org.rootposture.AwsOrganization;
import org.rootposture.CloudTrail;
import org.rootposture.GuardDuty;
import org.rootposture.Guardrails;
import org.rootposture.RootUser;

/**
 * The entry point of Root Posture's AssertJ assertions.
 *
 * <pre>
 * import static org.rootposture.assertions.RootPostureAssertions.assertThat;
 *
 * assertThat(account.root()).hasNoAccessKeys().hasHardwareMfa();
 * assertThat(account).hasSecurityContact();
 * </pre>
 */
public final class RootPostureAssertions {

    private RootPostureAssertions() {
    }

    /**
     * Assertions on a root user.
     *
     * <pre>assertThat(account.root()).hasMfa();</pre>
     */
    public static RootUserAssert assertThat(RootUser root) {
        return new RootUserAssert(root);
    }

    /**
     * Assertions on an account's SCP guardrails.
     *
     * <pre>assertThat(account.guardrails()).deniesRootActions();</pre>
     */
    public static GuardrailsAssert assertThat(Guardrails guardrails) {
        return new GuardrailsAssert(guardrails);
    }

    /**
     * Assertions on an organization.
     *
     * <pre>assertThat(account.organization()).hasCentralizedRootAccess();</pre>
     */
    public static OrganizationAssert assertThat(AwsOrganization organization) {
        return new OrganizationAssert(organization);
    }

    /**
     * Assertions on how an account's CloudTrail watches its root user.
     *
     * <pre>assertThat(account.cloudTrail()).logsAllRegions().alarmsOnRootActivity();</pre>
     */
    public static CloudTrailAssert assertThat(CloudTrail cloudTrail) {
        return new CloudTrailAssert(cloudTrail);
    }

    /**
     * Assertions on AWS Config in an account.
     *
     * <pre>assertThat(account.config()).recordsAllRegions().rootRulesCompliant();</pre>
     */
    public static ConfigAssert assertThat(AwsConfig config) {
        return new ConfigAssert(config);
    }

    /**
     * Assertions on GuardDuty in an account.
     *
     * <pre>assertThat(account.guardDuty()).alertsOnRootCredentialUsage();</pre>
     */
    public static GuardDutyAssert assertThat(GuardDuty guardDuty) {
        return new GuardDutyAssert(guardDuty);
    }

    /**
     * Assertions on an account.
     *
     * <pre>assertThat(account).hasSecurityContact();</pre>
     */
    public static AwsAccountAssert assertThat(AwsAccount account) {
        return new AwsAccountAssert(account);
    }
}
