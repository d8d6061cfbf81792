package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.internal.controls.BeyondCisControls;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.root.RootPasswordRotated;

/**
 * The beyond-CIS controls over the demo organization, read through the real SDK from the lab: every one of them has
 * accounts that pass and accounts that fail, for the reasons the demo's accounts were built with.
 */
class BeyondCisRunTest {

    /** An offboarding a month ago, as the demo profile of the sample suite sets it. */
    private static final LocalDate REVOKED = LocalDate.now(ZoneOffset.UTC).minusDays(30);

    private static List<RunVerdicts.Judged> verdicts;

    @BeforeAll
    static void runTheDemoOrganization() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.root-sessions", "true",
                "rootposture.root-access-revoked-on", REVOKED.toString()))) {
            verdicts = RunVerdicts.of(lab, Clock.systemUTC());
        }
    }

    private static Verdict verdict(String control, String account) {
        return RunVerdicts.find(verdicts, control, account, Optional.empty()).verdict();
    }

    @Test
    void everyBeyondCisControlPassesSomewhereAndFailsSomewhere() {
        BeyondCisControls.all().forEach(control -> assertThat(verdicts)
                .filteredOn(judged -> judged.control().equals(control.definition().id()))
                .extracting(judged -> judged.verdict().outcome())
                .as(control.definition().id())
                .contains(Outcome.PASS, Outcome.FAIL));
    }

    @Test
    void contactsAreCompleteWhereAllThreeAlternateContactsAndThePrimaryContactAreRegistered() {
        Verdict management = verdict("root.contacts.complete", "111111111111");
        assertThat(management.outcome()).isEqualTo(Outcome.PASS);
        assertThat(management.detail()).contains("BILLING Finance (Controller), b******@example.com", "OPERATIONS Cloud Operations (SRE Lead)",
                "primary contact ACME Cloud Platform, phone *********99");

        Verdict payments = verdict("root.contacts.complete", "222222222222");
        assertThat(payments.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(payments.reason()).isEqualTo("Account contacts for recovery are incomplete.\n"
                + "The account has no BILLING alternate contact, no OPERATIONS alternate contact.");

        Verdict auditRestricted = verdict("root.contacts.complete", "888888888888");
        assertThat(auditRestricted.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(auditRestricted.finding()).isEqualTo("account:GetAlternateContact failed with AccessDeniedException.");
    }

    @Test
    void aRootMailboxAtAPersonalMailProviderFailsWhereNoDomainsAreSet() {
        Verdict sandbox = verdict("root.email.corporate-domain", "333333333333");
        assertThat(sandbox.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(sandbox.detail()).startsWith("j*****************@gmail.com is a mailbox at gmail.com");
        assertThat(verdict("root.email.corporate-domain", "111111111111").detail()).startsWith("a*************@example.com;");
        assertThat(verdict("root.email.corporate-domain", "131313131313").outcome())
                .as("read from the organization's account list, which needs no session in the account").isEqualTo(Outcome.PASS);
    }

    @Test
    void aRootSessionListsTheRootUsersMfaDevicesWithTheirKinds() {
        Verdict tooling = verdict("root.mfa.backup", "777777777777");
        assertThat(tooling.outcome()).isEqualTo(Outcome.PASS);
        assertThat(tooling.detail()).isEqualTo("2 MFA devices: GAHT77770001 (hardware TOTP token), "
                + "arn:aws:iam::777777777777:u2f/root/security-tooling-backup-LABFIDO0002 (FIDO security key or passkey).");
        assertThat(verdict("root.mfa.backup", "141414141414").reason()).isEqualTo("The root user has only one MFA device, and no backup.\n"
                + "arn:aws:iam::141414141414:u2f/root/shared-services-LABFIDO0001 (FIDO security key or passkey) is the only one: if it is lost or "
                + "broken, the root user can only be recovered through AWS support.");
        assertThat(verdict("root.mfa.backup", "111111111111").finding()).isEqualTo("The management account's root user cannot be read through a root session.");
        assertThat(verdict("root.mfa.backup", "666666666666").outcome()).as("no root credentials at all").isEqualTo(Outcome.NOT_APPLICABLE);

        Verdict auditRestricted = verdict("root.mfa.hardware", "888888888888");
        assertThat(auditRestricted.outcome()).as("the root session's list, where ListVirtualMFADevices is throttled").isEqualTo(Outcome.PASS);
        assertThat(auditRestricted.detail()).isEqualTo("The root session lists GAHT88880001 (hardware TOTP token).");
        assertThat(verdict("root.mfa.hardware", "222222222222").detail())
                .isEqualTo("The root session lists only arn:aws:iam::222222222222:mfa/payments-break-glass (virtual MFA device).");
    }

    @Test
    void withoutRootSessionsTheDevicesAreNotListedAndTheVerdictSaysHowToEnableThem() {
        List<RunVerdicts.Judged> withoutSessions;
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.include-accounts", "777777777777"))) {
            withoutSessions = RunVerdicts.of(lab, Clock.systemUTC());
        }
        Verdict verdict = RunVerdicts.find(withoutSessions, "root.mfa.backup", "777777777777", Optional.empty()).verdict();
        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(verdict.detail()).startsWith("Set rootposture.root-sessions=true");
        assertThat(RunVerdicts.find(withoutSessions, "root.mfa.hardware", "777777777777", Optional.empty()).verdict().detail())
                .as("decided from the virtual MFA devices, as before").startsWith("MFA is enabled and none of the account's 1 virtual MFA devices");
    }

    @Test
    void theRootPasswordMustHaveBeenSetSinceAccessWasRevoked() {
        Verdict dataLake = verdict("root.password.rotated", "555555555555");
        assertThat(dataLake.outcome()).isEqualTo(Outcome.PASS);
        assertThat(dataLake.detail()).startsWith("The root user set its password at ").contains("(PasswordUpdated from 203.0.113.7 in CloudTrail's event history, us-east-1)");
        assertThat(verdict("root.password.rotated", "666666666666").finding()).isEqualTo("The root user has no password.");

        Verdict payments = verdict("root.password.rotated", "222222222222");
        assertThat(payments.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(payments.detail()).contains("has no PasswordUpdated or PasswordRecoveryCompleted since " + REVOKED, "the login profile was created at");
        assertThat(verdict("root.password.rotated", "111111111111").detail())
                .as("the management account: its root is read from the reports").contains(RootCredentialsInventory.MANAGEMENT_ACCOUNT);
        assertThat(verdict("root.password.rotated", "888888888888").finding()).startsWith("cloudtrail:LookupEvents failed with AccessDenied");
    }

    @Test
    void theDayOnTheAnnotationOverridesTheRunsSetting() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "222222222222", "rootposture.root-access-revoked-on", REVOKED.toString()))) {
            lab.engine().selectors(selectClass(LongAgo.class)).execute().testEvents().assertThatEvents()
                    .haveExactly(1, event(test("offboardedLongAgo"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.startsWith("Unable to assess: The event history does not reach back to the day access was revoked")))));
        }
    }

    @RootPosture
    static class LongAgo {

        @RootPasswordRotated(revokedOn = "2020-01-31")
        void offboardedLongAgo(AwsAccount account) {
        }
    }
}
