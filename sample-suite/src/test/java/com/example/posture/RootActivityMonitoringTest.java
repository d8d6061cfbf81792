package com.example.posture;

import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.time.Duration;

import org.rootposture.AwsAccount;
import org.rootposture.Control;
import org.rootposture.ForEachAccount;
import org.rootposture.RootPosture;
import org.rootposture.Severity;
import org.rootposture.monitoring.CloudTrailLogsAllRegions;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.monitoring.ConfigRootRulesCompliant;
import org.rootposture.monitoring.NoRecentRootActivity;
import org.rootposture.monitoring.RootActivityIsAlarmed;
import org.rootposture.monitoring.RootFindingsAreAlerted;

/**
 * How each account watches its root user: CloudTrail, the CIS alarm chain, AWS Config, and GuardDuty's root credential
 * usage finding reaching someone through EventBridge (the account's own rule or its GuardDuty administrator's). The per-region controls run
 * once per enabled region of each account ({@code 123456789012 · prod · eu-west-1}). In a post-deployment stage, run with
 * {@code -Drootposture.await=PT5M} so that a trail that has not started logging yet and Config rules that have not been
 * evaluated yet are waited for instead of being unable to assess.
 */
@RootPosture
class RootActivityMonitoringTest {

    @CloudTrailLogsAllRegions
    void cloudTrailLogsAllRegions(AwsAccount account) {
    }

    @NoRecentRootActivity
    void noRecentRootActivity(AwsAccount account) {
    }

    @RootActivityIsAlarmed
    void rootActivityIsAlarmed(AwsAccount account) {
    }

    @ConfigRecordsAllRegions
    void configRecordsAllRegions(AwsAccount account) {
    }

    @ConfigRootRulesCompliant
    void configRootRulesCompliant(AwsAccount account) {
    }

    @RootFindingsAreAlerted
    void rootFindingsAreAlerted(AwsAccount account) {
    }

    @ForEachAccount
    @Control(id = "acme.root.watched", title = "Root is watched: logged everywhere, alarmed, and quiet for a week",
            benchmark = "ACME cloud policy", section = "Root user", severity = Severity.HIGH,
            remediation = "Deploy the organization trail and the root usage alarm from the security baseline stack; explain any root activity.")
    void rootIsWatched(AwsAccount account) {
        assertThat(account.cloudTrail())
                .logsAllRegions()
                .alarmsOnRootActivity()
                .hasNoRootActivityWithin(Duration.ofDays(7));
    }
}
