package com.example.posture;

import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.time.Duration;

import org.rootposture.AwsAccount;
import org.rootposture.Control;
import org.rootposture.ForEachAccount;
import org.rootposture.RootPosture;
import org.rootposture.Severity;

/**
 * A platform team's own policy, written with the assertions: root is for break-glass only, so it has no keys and
 * nobody used it in the last 30 days — stricter than CIS's default window.
 */
@RootPosture
class BreakGlassPolicyTest {

    @ForEachAccount
    @Control(id = "acme.root.break-glass", title = "Root is only used in break-glass windows",
            benchmark = "ACME cloud policy", section = "Root user", severity = Severity.HIGH,
            cis = {"v3.0.0:1.7", "v5.0.0:1.6"},
            remediation = "Open an incident for any root use outside an approved break-glass window; move the work to an IAM role.")
    void rootOnlyUsedInBreakGlass(AwsAccount account) {
        assertThat(account.root())
                .hasNoAccessKeys()
                .notUsedWithin(Duration.ofDays(30));
    }
}
