package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.internal.controls.StubEvidence.NOW;
import static org.rootposture.internal.controls.StubEvidence.READ;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.PrimaryContact;
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
                if (!java.util.List.of(types).contains(type)) {
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
}
