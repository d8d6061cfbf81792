package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rootposture.Severity;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.PrimaryContact;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The controls the seed material asks for that no scanner makes (see CONTROLS.md, "Beyond CIS"): whether the root user
 * of an account can be recovered by the organization, and only by it.
 */
public final class BeyondCisControls {

    public static final BuiltInControl CONTACTS_COMPLETE = new RootControl(new ControlDefinition(
            "root.contacts.complete", "Alternate contacts and the primary contact are complete", RootCredentialControls.BEYOND_CIS,
            RootCredentialControls.ACCOUNT_CONTACTS, List.of(CisReference.parse("v3.0.0:1.1"), CisReference.parse("v5.0.0:1.1")), Severity.MEDIUM,
            "AWS reaches an account's owners through its contacts: billing notices, operational events, security findings, and the calls "
                    + "that confirm who may recover the root user. A missing contact means a notice nobody reads, or a recovery that stalls "
                    + "while the account is at risk. CIS 1.1 asks for current contact details but leaves the check to a person.",
            "Register the BILLING, OPERATIONS and SECURITY alternate contacts (Account settings, `aws account put-alternate-contact`, "
                    + "Terraform aws_account_alternate_contact) and a primary contact with a name and a phone number that reach a team "
                    + "(`aws account put-contact-information`, Terraform aws_account_primary_contact).",
            List.of("https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
                    "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-primary.html")),
            false, BeyondCisControls::contactsComplete);

    private BeyondCisControls() {
    }

    /** The beyond-CIS controls in catalogue order. */
    public static List<BuiltInControl> all() {
        return List.of(CONTACTS_COMPLETE);
    }

    static Verdict contactsComplete(AccountEvidence evidence, EvaluationContext context) {
        List<Evidence> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        Optional<EvidenceUnavailableException> unreadable = Optional.empty();
        for (AlternateContact.Type type : AlternateContact.Type.values()) {
            try {
                AlternateContact contact = evidence.alternateContact(type);
                used.add(contact);
                if (contact.registered()) {
                    registered.add(type + " " + contact.describe());
                } else {
                    missing.add("no " + type + " alternate contact");
                }
            } catch (EvidenceUnavailableException e) {
                used.add(new Unreadable(e));
                unreadable = unreadable.or(() -> Optional.of(e));
            }
        }
        try {
            PrimaryContact primary = evidence.primaryContact();
            used.add(primary);
            if (!primary.registered()) {
                missing.add("no primary contact");
            } else {
                if (!primary.hasName()) {
                    missing.add("a primary contact without a name");
                }
                if (!primary.hasPhone()) {
                    missing.add("a primary contact without a phone number");
                }
                registered.add("primary contact " + primary.fullName() + ", phone " + primary.phone());
            }
        } catch (EvidenceUnavailableException e) {
            used.add(new Unreadable(e));
            unreadable = unreadable.or(() -> Optional.of(e));
        }
        Evidence[] evidenceUsed = used.toArray(Evidence[]::new);
        String unread = unreadable.map(e -> " Not read: " + e.getMessage() + ".").orElse("");
        if (!missing.isEmpty()) {
            return Verdict.fail(Reason.of("Account contacts for recovery are incomplete.",
                    "The account has " + String.join(", ", missing) + "." + unread), evidenceUsed);
        }
        if (unreadable.isPresent()) {
            return Verdict.unableToAssess(Reason.of(Reason.failed(unreadable.get()), unreadable.get().detail()), evidenceUsed);
        }
        return Verdict.pass(Reason.of("The alternate contacts and the primary contact are complete.", String.join("; ", registered) + "."),
                evidenceUsed);
    }
}
