package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.internal.controls.StubEvidence.NOW;
import static org.rootposture.internal.controls.StubEvidence.NO_CERTIFICATE;
import static org.rootposture.internal.controls.StubEvidence.NO_KEY;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials.AccessKeyColumns;
import org.rootposture.evidence.RootCredentials.CertificateColumns;
import org.rootposture.evidence.RootCredentials;

class RootCredentialControlsTest {

    private static final EvaluationContext CONTEXT = new EvaluationContext(NOW, Duration.ofDays(90));

    private static Verdict evaluate(BuiltInControl control, StubEvidence evidence) {
        return control.evaluate(evidence, CONTEXT);
    }

    private static RootCredentials root(String passwordEnabled, Instant passwordLastUsed, AccessKeyColumns key1, AccessKeyColumns key2) {
        return new RootCredentials("arn:aws:iam::123456789012:root", passwordEnabled, passwordLastUsed, null, false, key1, key2,
                NO_CERTIFICATE, NO_CERTIFICATE);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Nested
    class AccessKeysAbsent {

        @Test
        void passesWithoutKeys() {
            Verdict verdict = evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account());
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.evidence()).hasSize(1);
        }

        @Test
        void anInactiveKeyIsStillAKey() {
            AccessKeyColumns inactive = new AccessKeyColumns(false, daysAgo(900), daysAgo(400), "us-east-1", "s3");
            Verdict verdict = evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account()
                    .summary(AccountSummary.ACCESS_KEYS_PRESENT, 1)
                    .root(root("true", null, inactive, NO_KEY)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("access key 1 inactive", "last used 2025-10-17 in us-east-1 with s3", "inactive root key is still a key");
        }

        @Test
        void failsEvenWhenTheDetailsCannotBeRead() {
            Verdict verdict = evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account()
                    .summary(AccountSummary.ACCESS_KEYS_PRESENT, 1).reportUnreadable());
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("Details were not available", "iam:GetCredentialReport", "AccessDenied");
        }

        @Test
        void unreadableSummaryIsUnableToAssess() {
            Verdict verdict = evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account().summaryUnreadable());
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("iam:GetAccountSummary failed with AccessDenied");
        }

        @Test
        void aSummaryWithoutTheKeyIsUnableToAssess() {
            Verdict verdict = evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account()
                    .summary(AccountSummary.ACCESS_KEYS_PRESENT, null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("no AccountAccessKeysPresent entry");
        }
    }

    @Nested
    class MfaEnabled {

        @Test
        void passesWithMfa() {
            assertThat(evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void failsWithoutMfaWhileAPasswordExists() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).summary(AccountSummary.PASSWORD_PRESENT, 1));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("no MFA", "a password");
        }

        @Test
        void failsWithoutMfaWhileAKeyExistsWhateverThePassword() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).summary(AccountSummary.ACCESS_KEYS_PRESENT, 1).reportUnreadable());
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("access keys");
        }

        @Test
        void credentialLessRootIsNotApplicable() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).summary(AccountSummary.PASSWORD_PRESENT, 0));
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.reason()).contains("neither possible nor necessary");
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "false"})
        void withoutAccountPasswordPresentThePasswordComesFromTheCredentialReport(String passwordEnabled) {
            Verdict verdict = evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).root(root(passwordEnabled, null, NO_KEY, NO_KEY)));
            assertThat(verdict.outcome()).isEqualTo(passwordEnabled.equals("true") ? Outcome.FAIL : Outcome.NOT_APPLICABLE);
            assertThat(verdict.evidence()).hasSize(2);
        }

        @Test
        void anUnknownPasswordIsUnableToAssessNotAPass() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).root(root("not_supported", null, NO_KEY, NO_KEY)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("password_enabled = not_supported");
        }

        @Test
        void noRootUserInGovCloudOrChina() {
            assertThat(evaluate(RootCredentialControls.MFA_ENABLED, StubEvidence.account().partition("aws-us-gov")).outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(evaluate(RootCredentialControls.ACCESS_KEYS_ABSENT, StubEvidence.account().partition("aws-cn")).reason())
                    .isEqualTo("This AWS partition has no root user.\nThe account is in the aws-cn partition, which has no root user.");
        }
    }

    @Nested
    class MfaHardware {

        @Test
        void passesWhenNoVirtualDeviceIsAssignedToRoot() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .device("arn:aws:iam::123456789012:mfa/alice", "arn:aws:iam::123456789012:user/alice"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("hardware");
        }

        @Test
        void failsOnAVirtualDeviceAssignedToTheRootArnWhateverItsName() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .device("arn:aws:iam::123456789012:mfa/break-glass", "arn:aws:iam::123456789012:root"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("virtual device", "mfa/break-glass");
        }

        @Test
        void aDeviceNamedLikeRootOnAUserCalledRootopsIsNotRoots() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .device("arn:aws:iam::123456789012:mfa/root-account-mfa-device", "arn:aws:iam::123456789012:user/rootops"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void aRootDeviceOfAnotherAccountOrPartitionDoesNotCount() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .device("arn:aws:iam::999999999999:mfa/root-account-mfa-device", "arn:aws:iam::999999999999:root"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void noMfaAtAllFails() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).summary(AccountSummary.PASSWORD_PRESENT, 1));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("no MFA at all");
        }

        @Test
        void credentialLessRootIsNotApplicable() {
            assertThat(evaluate(RootCredentialControls.MFA_HARDWARE, StubEvidence.account()
                    .summary(AccountSummary.MFA_ENABLED, 0).summary(AccountSummary.PASSWORD_PRESENT, 0)).outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Nested
    class UsageNoneRecent {

        @Test
        void takesTheMostRecentOfTheThreeDatesNotTheFirst() {
            AccessKeyColumns usedToday = new AccessKeyColumns(true, daysAgo(500), daysAgo(0), "eu-west-1", "ec2");
            Verdict verdict = evaluate(RootCredentialControls.USAGE_NONE_RECENT, StubEvidence.account()
                    .root(root("true", daysAgo(300), NO_KEY, usedToday)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("access key 2", "0 days ago", "within the 90-day window");
        }

        @Test
        void passesWhenTheLastUseIsOutsideTheWindow() {
            Verdict verdict = evaluate(RootCredentialControls.USAGE_NONE_RECENT, StubEvidence.account()
                    .root(root("true", daysAgo(200), NO_KEY, NO_KEY)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("password", "200 days ago", "outside");
        }

        @Test
        void theWindowIsConfigurable() {
            StubEvidence evidence = StubEvidence.account().root(root("true", daysAgo(45), NO_KEY, NO_KEY));
            assertThat(RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, CONTEXT).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, CONTEXT.withUsageWindow(Duration.ofDays(30))).outcome())
                    .isEqualTo(Outcome.PASS);
        }

        @Test
        void neverUsedPasses() {
            assertThat(evaluate(RootCredentialControls.USAGE_NONE_RECENT, StubEvidence.account()).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void unreadableReportIsUnableToAssess() {
            assertThat(evaluate(RootCredentialControls.USAGE_NONE_RECENT, StubEvidence.account().reportUnreadable()).outcome())
                    .isEqualTo(Outcome.UNABLE_TO_ASSESS);
        }
    }

    @Nested
    class SigningCertificates {

        @Test
        void failsWithACertificateAndSaysWhetherActive() {
            RootCredentials withCertificate = new RootCredentials("arn:aws:iam::123456789012:root", "true", null, null, true, NO_KEY, NO_KEY,
                    new CertificateColumns(true, daysAgo(120)), NO_CERTIFICATE);
            Verdict verdict = evaluate(RootCredentialControls.SIGNING_CERTIFICATES_ABSENT, StubEvidence.account()
                    .summary(AccountSummary.SIGNING_CERTIFICATES_PRESENT, 1).root(withCertificate));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("certificate 1 active");
        }

        @Test
        void passesWithout() {
            assertThat(evaluate(RootCredentialControls.SIGNING_CERTIFICATES_ABSENT, StubEvidence.account()).outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class MfaHardwareFromARootSession {

        @Test
        void aFidoKeyOrHardwareTokenPassesAndAVirtualDeviceBesideItIsNamed() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE,
                    BeyondCisControlsTest.listedDevices("arn:aws:iam::123456789012:u2f/root/key-LAB1", "arn:aws:iam::123456789012:mfa/phone"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.detail()).isEqualTo("The root session lists arn:aws:iam::123456789012:u2f/root/key-LAB1 (FIDO security key or passkey); "
                    + "beside it, arn:aws:iam::123456789012:mfa/phone (virtual MFA device), a weaker way in worth removing.");
        }

        @Test
        void onlyVirtualDevicesFailWhateverTheirName() {
            Verdict verdict = evaluate(RootCredentialControls.MFA_HARDWARE, BeyondCisControlsTest.listedDevices("arn:aws:iam::123456789012:mfa/yubikey"));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.finding()).isEqualTo("The root user's MFA is a virtual device, not a hardware device.");
        }

        @Test
        void noListedDeviceWhileTheSummarySaysMfaIsUnableToAssess() {
            assertThat(evaluate(RootCredentialControls.MFA_HARDWARE, BeyondCisControlsTest.listedDevices()).outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        }
    }

    @Nested
    class SecurityContactRegistered {

        @Test
        void passesWithAContactAndShowsItMasked() {
            Verdict verdict = evaluate(RootCredentialControls.SECURITY_CONTACT, StubEvidence.account()
                    .contact(new AlternateContact(AlternateContact.Type.SECURITY, true, "Security Team", "CISO", "s*******@example.com", "*********00", StubEvidence.READ)));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("Security Team", "s*******@example.com");
        }

        @Test
        void failsWithoutAContact() {
            assertThat(evaluate(RootCredentialControls.SECURITY_CONTACT, StubEvidence.account()
                    .contact(AlternateContact.none(AlternateContact.Type.SECURITY, StubEvidence.READ))).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void deniedIsUnableToAssess() {
            Verdict verdict = evaluate(RootCredentialControls.SECURITY_CONTACT, StubEvidence.account());
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("account:GetAlternateContact");
        }
    }

    @Nested
    class Outcomes {

        @Test
        void everyControlHasIdTitleSeverityAndRemediation() {
            assertThat(Catalogue.all()).hasSize(20).allSatisfy(control -> {
                assertThat(control.definition().id()).matches("[a-z]+(\\.[a-z-]+)+");
                assertThat(control.definition().title()).isNotBlank();
                assertThat(control.definition().remediation()).isNotBlank();
            });
            assertThat(Catalogue.byId("root.mfa.hardware")).contains(RootCredentialControls.MFA_HARDWARE);
            assertThat(RootCredentialControls.MFA_HARDWARE.definition().cis()).extracting(CisReference::toString)
                    .containsExactly("v3.0.0:1.6", "v5.0.0:1.5", "v6.0.0:2.5", "v7.0.0:2.6");
        }

        @Test
        void cisReferencesAreValidated() {
            assertThatThrownBy(() -> CisReference.parse("CIS 1.6")).hasMessageContaining("'CIS 1.6' is not a CIS reference");
        }

        @Test
        void provenanceIsKept() {
            assertThat(Provenance.of(NOW, "iam:GetAccountSummary").calls()).containsExactly("iam:GetAccountSummary");
        }
    }
}
