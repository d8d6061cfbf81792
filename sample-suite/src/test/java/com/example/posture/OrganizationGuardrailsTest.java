package com.example.posture;

import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import org.rootposture.AwsAccount;
import org.rootposture.Control;
import org.rootposture.ForEachAccount;
import org.rootposture.RootPosture;
import org.rootposture.Severity;
import org.rootposture.organization.RootAccessIsCentralized;
import org.rootposture.organization.RootCredentialsAbsent;
import org.rootposture.organization.ScpDeniesRoot;
import org.rootposture.organization.ScpDeniesRootWithoutMfa;

/**
 * The organization guardrails, run from the management account with {@code rootposture.targets=organization}: SCPs
 * along each account's chain, centralized root access, and member roots without credentials.
 */
@RootPosture
class OrganizationGuardrailsTest {

    @RootAccessIsCentralized
    void rootAccessIsCentralized(AwsAccount account) {
    }

    @ScpDeniesRoot
    void scpDeniesRoot(AwsAccount account) {
    }

    @ScpDeniesRootWithoutMfa
    void scpDeniesRootWithoutMfa(AwsAccount account) {
    }

    @RootCredentialsAbsent
    void memberRootHasNoCredentials(AwsAccount account) {
    }

    @ForEachAccount
    @Control(id = "acme.guardrails.root", title = "Root is fenced in by SCPs and centrally managed",
            benchmark = "ACME cloud policy", section = "Organization", severity = Severity.HIGH,
            remediation = "Attach the DenyRootUser SCP to the account's OU and enable centralized root access.")
    void rootIsFencedIn(AwsAccount account) {
        assertThat(account.guardrails()).deniesRootActionsWithoutMfa();
        assertThat(account.organization()).hasCentralizedRootAccess();
    }
}
