package org.rootposture.assertions;

import org.rootposture.AwsConfig;
import org.rootposture.internal.controls.MonitoringControls;

/**
 * Assertions on AWS Config in an account, decided by the same code as {@code @ConfigRecordsAllRegions} and
 * {@code @ConfigRootRulesCompliant}.
 *
 * <pre>
 * assertThat(account.config()).recordsAllRegions().rootRulesCompliant();
 * </pre>
 */
public final class ConfigAssert extends ControlAssertions<ConfigAssert, AwsConfig> {

    ConfigAssert(AwsConfig actual) {
        super(actual, ConfigAssert.class);
    }

    /**
     * A configuration recorder is recording, without failures, in every enabled region ({@code config.recorder.all-regions});
     * a failure names the first region without one.
     *
     * <pre>assertThat(account.config()).recordsAllRegions();</pre>
     */
    public ConfigAssert recordsAllRegions() {
        isNotNull();
        return EveryRegion.satisfies(this, actual.account(), MonitoringControls.CONFIG_RECORDER_ALL_REGIONS, actual.account().context());
    }

    /**
     * The managed rules root-account-mfa-enabled, root-account-hardware-mfa-enabled and iam-root-access-key-check are
     * deployed in the run's region and compliant ({@code config.root-rules.compliant}); with {@code rootposture.await},
     * rules Config has not evaluated yet are waited for.
     *
     * <pre>assertThat(account.config()).rootRulesCompliant();</pre>
     */
    public ConfigAssert rootRulesCompliant() {
        isNotNull();
        return satisfies(actual.account(), MonitoringControls.CONFIG_ROOT_RULES_COMPLIANT, actual.account().context());
    }
}
