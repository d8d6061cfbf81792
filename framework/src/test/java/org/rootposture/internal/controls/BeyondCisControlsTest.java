package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.internal.controls.StubEvidence.NOW;
import static org.rootposture.internal.controls.StubEvidence.READ;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.PrimaryContact;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.RootEmail;
import org.rootposture.evidence.RootMfaDevices;
import org.rootposture.evidence.Unreadable;

class BeyondCisControlsTest {

    private static final EvaluationContext CONTEXT = new EvaluationContext(NOW, Duration.ofDays(90));

    private static Verdict evaluate(BuiltInControl control, StubEvidence evidence, EvaluationContext context) {
        return control.evaluate(evidence, context);
    }

    @Nested
    class ContactsComplete {

        private StubEvidence withContacts(AlternateContact.Type... types) {
            StubEvidence evidence = StubEvidence.account();
            for (AlternateContact.Type type : types) {
                evidence.contact(new AlternateContact(type, true, type + " Team", null, "t***@example.com", "*********00", READ));
            }
            for (AlternateContact.Type type : AlternateContact.Type.values()) {
                if (!List.of(types).contains(type)) {
                    evidence.contact(AlternateContact.none(type, READ));
                }
            }
            return evidence;
        }

        private Verdict evaluateContacts(StubEvidence evidence) {
            return evaluate(BeyondCisControls.CONTACTS_COMPLETE, evidence, CONTEXT);
        }

        @Test
        void passesWithEveryAlternateContactAndAPrimaryContactWithNameAndPhone() {
            Verdict verdict = evaluateContacts(withContacts(AlternateContact.Type.values())
                    .put(PrimaryContact.RECORD, new PrimaryContact(true, "ACME Cloud Platform", "ACME Corp", "**********99", "US", READ)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).isEqualTo("The alternate contacts and the primary contact are complete.\n"
                    + "BILLING BILLING Team, t***@example.com; OPERATIONS OPERATIONS Team, t***@example.com; SECURITY SECURITY Team, t***@example.com; "
                    + "primary contact ACME Cloud Platform, phone **********99.");
            assertThat(verdict.evidence()).hasSize(4);
        }

        @Test
        void failsNamingWhatIsMissing() {
            Verdict verdict = evaluateContacts(withContacts(AlternateContact.Type.SECURITY).put(PrimaryContact.RECORD, PrimaryContact.none(READ)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).isEqualTo("Account contacts for recovery are incomplete.\n"
                    + "The account has no BILLING alternate contact, no OPERATIONS alternate contact, no primary contact.");
        }

        @Test
        void aPrimaryContactWithoutAPhoneNumberIsIncomplete() {
            Verdict verdict = evaluateContacts(withContacts(AlternateContact.Type.values())
                    .put(PrimaryContact.RECORD, new PrimaryContact(true, "ACME Cloud Platform", null, null, "US", READ)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.detail()).isEqualTo("The account has a primary contact without a phone number.");
        }

        @Test
        void whatIsMissingFailsEvenWhereAnotherContactCannotBeRead() {
            Verdict verdict = evaluateContacts(withContacts(AlternateContact.Type.SECURITY));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.detail()).isEqualTo("The account has no BILLING alternate contact, no OPERATIONS alternate contact. "
                    + "Not read: account:GetContactInformation failed with AccessDenied: not authorized (HTTP 403).");
            assertThat(verdict.evidence()).last().isInstanceOf(Unreadable.class);
        }

        @Test
        void anUnreadableContactWithNothingMissingIsUnableToAssess() {
            StubEvidence evidence = StubEvidence.account()
                    .contact(new AlternateContact(AlternateContact.Type.SECURITY, true, "Security", null, "s***@example.com", null, READ))
                    .put(PrimaryContact.RECORD, new PrimaryContact(true, "ACME Cloud Platform", null, "**********99", "US", READ));
            Verdict verdict = evaluateContacts(evidence);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.finding()).isEqualTo("account:GetAlternateContact failed with AccessDenied.");
        }
    }

    @Nested
    class RootEmailOnCorporateDomain {

        private Verdict judge(String address, List<String> domains) {
            return evaluate(BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN, StubEvidence.account().put(RootEmail.RECORD, new RootEmail(address, READ)),
                    CONTEXT.withRootEmailDomains(domains));
        }

        @Test
        void anAddressOnOneOfTheDomainsOrASubdomainPasses() {
            assertThat(judge("a***@acme.com", List.of("acme.co.uk", "acme.com")).reason())
                    .isEqualTo("The root user's e-mail address is on one of the organization's mail domains.\n"
                            + "a***@acme.com is on acme.com, one of acme.co.uk, acme.com (rootposture.root-email-domains).");
            assertThat(judge("a***@Mail.ACME.com", List.of("acme.com")).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void anAddressElsewhereFailsEvenAtACompanyThatMerelyEndsLikeTheDomain() {
            Verdict verdict = judge("a***@notacme.com", List.of("acme.com"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).isEqualTo("The root user's e-mail address is not on one of the organization's mail domains.\n"
                    + "a***@notacme.com is on none of acme.com (rootposture.root-email-domains): whoever holds that mailbox can reset the root password.");
        }

        @Test
        void withoutDomainsOnlyAPersonalMailProviderFailsAndTheVerdictSaysHowToSetThem() {
            Verdict personal = judge("j***@gmail.com", List.of());
            assertThat(personal.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(personal.finding()).isEqualTo("The root user's e-mail address is at a personal mail provider.");
            assertThat(personal.detail()).contains("Set rootposture.root-email-domains");

            Verdict corporate = judge("a***@example.com", List.of());
            assertThat(corporate.outcome()).isEqualTo(Outcome.PASS);
            assertThat(corporate.finding()).isEqualTo("The root user's e-mail address is not at a well-known personal mail provider.");
            assertThat(corporate.detail()).contains("rootposture.root-email-domains is not set");
        }

        @Test
        void outsideAnOrganizationItIsNotApplicableAndAnUnreadableListIsUnableToAssess() {
            StubEvidence standalone = StubEvidence.account();
            standalone.put(RootEmail.RECORD, null);
            assertThat(evaluate(BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN, standalone, CONTEXT).outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);

            StubEvidence notInOrganization = StubEvidence.account().unreadable(RootEmail.RECORD, "AWSOrganizationsNotInUseException");
            Verdict verdict = evaluate(BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN, notInOrganization, CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.detail()).isEqualTo("organizations:ListAccounts answered AWSOrganizationsNotInUseException.");
        }

        @Test
        void inAPartitionWithoutARootUserItIsNotApplicable() {
            assertThat(evaluate(BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN, StubEvidence.account().partition("aws-us-gov"), CONTEXT).outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    static StubEvidence listedDevices(String... serials) {
        return StubEvidence.account().put(RootMfaDevices.RECORD, new RootMfaDevices(RootMfaDevices.Availability.LISTED,
                Stream.of(serials).map(serial -> new RootMfaDevices.Device(serial, NOW)).toList(), READ));
    }

    @Nested
    class MfaBackup {

        private Verdict judge(StubEvidence evidence) {
            return evaluate(BeyondCisControls.MFA_BACKUP, evidence, CONTEXT);
        }

        @Test
        void twoDevicesPassAndEachIsNamedWithItsKind() {
            Verdict verdict = judge(listedDevices("arn:aws:iam::123456789012:u2f/root/key-LAB1", "GAHT12345678", "arn:aws:iam::123456789012:mfa/phone"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).isEqualTo("The root user has a backup MFA device.\n3 MFA devices: arn:aws:iam::123456789012:u2f/root/key-LAB1 "
                    + "(FIDO security key or passkey), GAHT12345678 (hardware TOTP token), arn:aws:iam::123456789012:mfa/phone (virtual MFA device).");
        }

        @Test
        void oneDeviceFails() {
            Verdict verdict = judge(listedDevices("GAHT12345678"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).startsWith("The root user has only one MFA device, and no backup.\nGAHT12345678 (hardware TOTP token) is the only one");
        }

        @Test
        void noDeviceFailsWhileRootHasAPasswordAndIsNotApplicableWithoutCredentials() {
            RootCredentialsInventory withPassword = new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSION, true, NOW, List.of(), List.of(),
                    List.of(), READ);
            Verdict password = judge(listedDevices().inventory(withPassword));
            assertThat(password.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(password.reason()).isEqualTo("The root user has no MFA device at all.\nThe root session lists no MFA device, while the root user has a password.");

            RootCredentialsInventory none = new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSION, false, null, List.of(), List.of(), List.of(), READ);
            assertThat(judge(listedDevices().inventory(none)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void withoutRootSessionsItIsNotApplicableAndSaysHowToEnableThem() {
            Verdict verdict = judge(StubEvidence.account());
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.finding()).isEqualTo("The root user's MFA devices are listed only through a root session, which this run does not open for the account.");
            assertThat(verdict.detail()).startsWith("Set rootposture.root-sessions=true");
        }

        @Test
        void theManagementAccountsRootCannotBeReadThroughARootSession() {
            Verdict verdict = judge(StubEvidence.account().put(RootMfaDevices.RECORD,
                    RootMfaDevices.notListed(RootMfaDevices.Availability.MANAGEMENT_ACCOUNT, READ)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.finding()).isEqualTo("The management account's root user cannot be read through a root session.");
        }

        @Test
        void aFailedRootSessionIsUnableToAssess() {
            Verdict verdict = judge(StubEvidence.account().unreadable(RootMfaDevices.RECORD, "AccessDenied"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.finding()).isEqualTo("sts:AssumeRoot failed with AccessDenied.");
        }
    }

    @Nested
    class PasswordRotated {

        private static final LocalDate REVOKED = LocalDate.of(2026, 10, 1);
        private final EvaluationContext afterOffboarding = CONTEXT.withRootAccessRevokedOn(Optional.of(REVOKED));

        private StubEvidence withPassword(Instant created, RootActivity.Event... history) {
            StubEvidence evidence = StubEvidence.account().inventory(new RootCredentialsInventory(created == null ? RootCredentialsInventory.ROOT_SESSIONS_OFF
                    : RootCredentialsInventory.ROOT_SESSION, true, created, List.of(), List.of("GAHT12345678"), List.of(), READ));
            evidence.monitoring().activity(new RootActivity("us-east-1", NOW.minus(Duration.ofDays(90)), NOW, List.of(history), List.of(), 0, 0, READ));
            return evidence;
        }

        private RootActivity.Event signIn(String name, Instant at, boolean succeeded) {
            return new RootActivity.Event(at, name, "signin.amazonaws.com", "203.0.113.7", "us-east-1", "id-" + name, succeeded);
        }

        private Verdict judge(StubEvidence evidence, EvaluationContext context) {
            return evaluate(BeyondCisControls.PASSWORD_ROTATED, evidence, context);
        }

        @Test
        void withoutADayItIsNotApplicableAndNamesTheSetting() {
            Verdict verdict = judge(withPassword(null), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.finding()).isEqualTo("No day on which access to the root user was revoked is given.");
            assertThat(verdict.detail()).contains("rootposture.root-access-revoked-on", "@RootPasswordRotated(revokedOn = \"2026-10-01\")");
        }

        @Test
        void aPasswordUpdatedByRootSinceTheDayPassesWithItsTime() {
            Verdict verdict = judge(withPassword(null, signIn("ConsoleLogin", Instant.parse("2026-10-20T09:00:00Z"), true),
                    signIn("PasswordUpdated", Instant.parse("2026-10-20T09:04:00Z"), true)), afterOffboarding);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).isEqualTo("The root password was set on or after the day access was revoked.\n"
                    + "The root user set its password at 2026-10-20T09:04:00Z (PasswordUpdated from 203.0.113.7 in CloudTrail's event history, "
                    + "us-east-1), on or after 2026-10-01.");
        }

        @Test
        void aResetThroughForgotPasswordCountsAndAFailedChangeDoesNot() {
            assertThat(judge(withPassword(null, signIn("PasswordRecoveryCompleted", Instant.parse("2026-10-02T00:00:00Z"), true)), afterOffboarding)
                    .outcome()).isEqualTo(Outcome.PASS);
            assertThat(judge(withPassword(null, signIn("PasswordUpdated", Instant.parse("2026-10-02T00:00:00Z"), false)), afterOffboarding)
                    .outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void noChangeSinceADayWithinTheEventHistoryFails() {
            Verdict verdict = judge(withPassword(null, signIn("PasswordUpdated", Instant.parse("2026-09-30T23:59:00Z"), true)), afterOffboarding);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).isEqualTo("The root password was not changed after access was revoked.\n"
                    + "CloudTrail's event history in us-east-1, which holds the root user's sign-in events since 2026-08-23T12:00:00Z, has no "
                    + "PasswordUpdated or PasswordRecoveryCompleted since 2026-10-01; the credential report's password_last_changed is not_supported "
                    + "for the root user, and no root session read the login profile's creation (" + RootCredentialsInventory.ROOT_SESSIONS_OFF + ").");
        }

        @Test
        void aDayOlderThanTheEventHistoryWithoutOtherEvidenceIsUnableToAssessAndPointsToTheTrailsArchive() {
            Verdict verdict = judge(withPassword(Instant.parse("2024-01-01T00:00:00Z")), CONTEXT.withRootAccessRevokedOn(Optional.of(LocalDate.of(2026, 5, 1))));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.finding()).isEqualTo("The event history does not reach back to the day access was revoked, and no other evidence dates the root password.");
            assertThat(verdict.detail()).contains("keeps 90 days, since 2026-08-23T12:00:00Z, and 2026-05-01 is older",
                    "the login profile was created at 2024-01-01T00:00:00Z, before 2026-05-01", "A trail's archive");
        }

        @Test
        void aLoginProfileCreatedSinceTheDayPasses() {
            Verdict verdict = judge(withPassword(Instant.parse("2026-10-01T00:00:00Z")), afterOffboarding);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.detail()).isEqualTo("The root user's login profile was created at 2026-10-01T00:00:00Z (iam:GetLoginProfile in a root "
                    + "session), on or after 2026-10-01.");
        }

        @Test
        void aRootUserWithoutAPasswordPasses() {
            StubEvidence evidence = StubEvidence.account().inventory(new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSION, false, null,
                    List.of(), List.of(), List.of(), READ));
            Verdict verdict = judge(evidence, afterOffboarding);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.finding()).isEqualTo("The root user has no password.");
        }

        @Test
        void aChangeDateInTheCredentialReportDecidesBothWays() {
            StubEvidence evidence = withPassword(null);
            evidence.root(new RootCredentials("arn:aws:iam::123456789012:root", "true", null, Instant.parse("2026-09-01T00:00:00Z"), true,
                    StubEvidence.NO_KEY, StubEvidence.NO_KEY, StubEvidence.NO_CERTIFICATE, StubEvidence.NO_CERTIFICATE));
            Verdict before = judge(evidence, afterOffboarding);
            assertThat(before.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(before.detail()).endsWith("says the root password was last changed at 2026-09-01T00:00:00Z, before 2026-10-01.");
            assertThat(judge(evidence, CONTEXT.withRootAccessRevokedOn(Optional.of(LocalDate.of(2026, 9, 1)))).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void anUnreadableEventHistoryIsUnableToAssess() {
            StubEvidence evidence = StubEvidence.account().inventory(new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSIONS_OFF, true, null,
                    List.of(), List.of(), List.of(), READ));
            Verdict verdict = judge(evidence, afterOffboarding);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.finding()).isEqualTo("cloudtrail:LookupEvents failed with AccessDenied.");
        }
    }

    @Test
    void aDevicesKindComesFromItsSerialNumber() {
        assertThat(RootMfaDevices.Kind.of("arn:aws:iam::123456789012:mfa/root-account-mfa-device")).isEqualTo(RootMfaDevices.Kind.VIRTUAL);
        assertThat(RootMfaDevices.Kind.of("arn:aws:iam::123456789012:u2f/root/YubiKey-ABC")).isEqualTo(RootMfaDevices.Kind.FIDO);
        assertThat(RootMfaDevices.Kind.of("GAHT12345678")).isEqualTo(RootMfaDevices.Kind.HARDWARE_TOTP);
        assertThat(RootMfaDevices.Kind.of("mfa/not-an-arn")).isEqualTo(RootMfaDevices.Kind.HARDWARE_TOTP);
    }
}
