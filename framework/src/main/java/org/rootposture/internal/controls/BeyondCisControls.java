package org.rootposture.internal.controls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rootposture.Severity;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.PrimaryContact;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.RootEmail;
import org.rootposture.evidence.RootMfaDevices;
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

    public static final BuiltInControl ROOT_EMAIL_CORPORATE_DOMAIN = new RootControl(new ControlDefinition(
            "root.email.corporate-domain", "The root user's e-mail address is on the organization's own mail domain", RootCredentialControls.BEYOND_CIS,
            RootCredentialControls.ACCOUNT_CONTACTS, List.of(), Severity.HIGH,
            "Whoever reads the root user's mailbox can reset the root password and take the account. A mailbox at a personal mail provider "
                    + "(an engineer's own Gmail, say) leaves with its owner and is protected by whatever they chose; an address on the "
                    + "organization's own domain stays under its control: its MFA, its retention, its offboarding. Without "
                    + "rootposture.root-email-domains only well-known personal mail providers fail.",
            "Move the root user's e-mail address to a distribution list on the organization's domain: sign in as root → Account → "
                    + "Account settings → Edit, or from the management account `aws account start-primary-email-update --account-id <id> "
                    + "--primary-email <address>`. Set rootposture.root-email-domains to the organization's mail domains.",
            List.of("https://docs.aws.amazon.com/accounts/latest/reference/API_StartPrimaryEmailUpdate.html")),
            true, BeyondCisControls::rootEmailOnCorporateDomain);

    public static final BuiltInControl MFA_BACKUP = new RootControl(new ControlDefinition(
            "root.mfa.backup", "Root user has a backup MFA device", RootCredentialControls.BEYOND_CIS, RootCredentialControls.ROOT_CREDENTIALS,
            List.of(), Severity.MEDIUM,
            "With a single MFA device, losing or breaking it locks the organization out of its root user until AWS support has verified "
                    + "the account's contacts, which takes days; a second device (AWS allows eight per root user), kept apart from the "
                    + "first, avoids that. The devices are listed through a central root session (rootposture.root-sessions=true), the only "
                    + "read-only way to see a root user's devices; the management account's root user cannot be read this way.",
            "Sign in as root → Security credentials → Assign MFA device, and register a second device, a FIDO security key or a "
                    + "hardware TOTP token, stored apart from the first (a safe at another site).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management")),
            true, BeyondCisControls::mfaBackup);

    public static final BuiltInControl PASSWORD_ROTATED = new RootControl(new ControlDefinition(
            "root.password.rotated", "Root password changed after someone with access left", RootCredentialControls.BEYOND_CIS,
            RootCredentialControls.ROOT_CREDENTIALS, List.of(), Severity.HIGH,
            "Someone who knew the root password keeps it after they leave; only setting a new one takes it back. AWS keeps little about "
                    + "the root password: the credential report says not_supported, a root session's login profile dates only its creation, and "
                    + "CloudTrail's event history keeps the root user's PasswordUpdated sign-in events for 90 days. A revocation older than that "
                    + "can only be judged from a trail's archive.",
            "Sign in as root → Security credentials → Change password (or reset it through Forgot password), right after anyone with the "
                    + "root password leaves; with centralized root access, delete the root password instead (IAMDeleteRootUserCredentials). "
                    + "Then set rootposture.root-access-revoked-on to the day access was revoked.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_change-root.html",
                    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html")),
            true, BeyondCisControls::passwordRotated);

    /** Where CloudTrail records the root user's sign-in events, password changes included. */
    static final String SIGN_IN_REGION = "us-east-1";
    /** The sign-in events that set the root password: a change while signed in, and a reset through Forgot password. */
    private static final List<String> PASSWORD_SET = List.of("PasswordUpdated", "PasswordRecoveryCompleted");

    /** Mail providers where anyone can open a mailbox: a root e-mail address there fails when no domains are set. */
    static final List<String> PERSONAL_MAIL_PROVIDERS = List.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net",
            "gmx.de", "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "126.com");

    private BeyondCisControls() {
    }

    /** The beyond-CIS controls in catalogue order. */
    public static List<BuiltInControl> all() {
        return List.of(CONTACTS_COMPLETE, ROOT_EMAIL_CORPORATE_DOMAIN, MFA_BACKUP, PASSWORD_ROTATED);
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

    static Verdict rootEmailOnCorporateDomain(AccountEvidence evidence, EvaluationContext context) {
        RootEmail email;
        try {
            email = evidence.rootEmail();
        } catch (EvidenceUnavailableException e) {
            if (OrganizationControls.NOT_IN_ORGANIZATION.contains(e.errorCode())) {
                return Verdict.notApplicable(Reason.of("The account is not in an AWS organization, whose account list holds the root user's e-mail address.",
                        e.operation() + " answered " + e.errorCode() + "."), new Unreadable(e));
            }
            throw e;
        }
        List<String> domains = context.rootEmailDomains();
        if (!domains.isEmpty()) {
            String given = String.join(", ", domains) + " (rootposture.root-email-domains)";
            return domains.stream().filter(domain -> email.domain().equals(domain) || email.domain().endsWith("." + domain)).findFirst()
                    .map(domain -> Verdict.pass(Reason.of("The root user's e-mail address is on one of the organization's mail domains.",
                            email.address() + " is on " + domain + ", one of " + given + "."), email))
                    .orElseGet(() -> Verdict.fail(Reason.of("The root user's e-mail address is not on one of the organization's mail domains.",
                            email.address() + " is on none of " + given + ": whoever holds that mailbox can reset the root password."), email));
        }
        if (PERSONAL_MAIL_PROVIDERS.contains(email.domain())) {
            return Verdict.fail(Reason.of("The root user's e-mail address is at a personal mail provider.", email.address()
                    + " is a mailbox at " + email.domain() + ", which the organization does not control, and whoever holds it can reset the root "
                    + "password. Set rootposture.root-email-domains to the organization's mail domains (such as acme.com) to check every "
                    + "account against them."), email);
        }
        return Verdict.pass(Reason.of("The root user's e-mail address is not at a well-known personal mail provider.", email.address()
                + "; rootposture.root-email-domains is not set, so only personal mail providers such as gmail.com or outlook.com fail: set it to "
                + "the organization's mail domains to require them."), email);
    }

    static Verdict mfaBackup(AccountEvidence evidence, EvaluationContext context) {
        RootMfaDevices devices = evidence.rootMfaDevices();
        if (!devices.listed()) {
            return Verdict.notApplicable(notListed(devices.availability()), devices);
        }
        String listed = devices.devices().stream().map(RootMfaDevices.Device::describe).collect(Collectors.joining(", "));
        if (devices.devices().size() >= 2) {
            return Verdict.pass(Reason.of("The root user has a backup MFA device.",
                    devices.devices().size() + " MFA devices: " + listed + "."), devices);
        }
        if (devices.devices().size() == 1) {
            return Verdict.fail(Reason.of("The root user has only one MFA device, and no backup.", listed
                    + " is the only one: if it is lost or broken, the root user can only be recovered through AWS support."), devices);
        }
        RootCredentialsInventory inventory = evidence.rootCredentialsInventory();
        if (inventory.none()) {
            return Verdict.notApplicable(Reason.of("The root user has no credentials, so MFA is neither possible nor necessary.",
                    "The root session lists no password, access key, MFA device or signing certificate (root credentials removed)."), devices, inventory);
        }
        return Verdict.fail(Reason.of("The root user has no MFA device at all.", "The root session lists no MFA device, while the root user has "
                + (inventory.password() ? "a password" : "access keys or signing certificates") + "."), devices, inventory);
    }

    static Verdict passwordRotated(AccountEvidence evidence, EvaluationContext context) {
        if (context.rootAccessRevokedOn().isEmpty()) {
            return Verdict.notApplicable(Reason.of("No day on which access to the root user was revoked is given.",
                    "Set rootposture.root-access-revoked-on to the day someone's access to the root user was last revoked (an offboarding), "
                            + "such as 2026-10-01, or give it on the test: @RootPasswordRotated(revokedOn = \"2026-10-01\")."));
        }
        LocalDate day = context.rootAccessRevokedOn().get();
        Instant revoked = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        String set = "The root password was set on or after the day access was revoked.";
        String notChanged = "The root password was not changed after access was revoked.";
        RootCredentialsInventory inventory = evidence.rootCredentialsInventory();
        if (!inventory.password()) {
            return Verdict.pass(Reason.of("The root user has no password.", "No one who left can know a root password: there is none (from "
                    + inventory.source() + ")."), inventory);
        }
        Optional<Instant> created = Optional.ofNullable(inventory.passwordCreated());
        if (created.filter(at -> !at.isBefore(revoked)).isPresent()) {
            return Verdict.pass(Reason.of(set, "The root user's login profile was created at " + created.get() + " (iam:GetLoginProfile in a "
                    + "root session), on or after " + day + "."), inventory);
        }
        CredentialReport report = evidence.credentialReport();
        Instant lastChanged = report.root().passwordLastChanged();
        if (lastChanged != null) {
            String changed = "The credential report generated " + report.generatedTime() + " says the root password was last changed at "
                    + lastChanged;
            return lastChanged.isBefore(revoked) ? Verdict.fail(Reason.of(notChanged, changed + ", before " + day + "."), inventory, report)
                    : Verdict.pass(Reason.of(set, changed + ", on or after " + day + "."), inventory, report);
        }
        RootActivity history = evidence.monitoring().rootActivity(SIGN_IN_REGION);
        Optional<RootActivity.Event> change = history.since(revoked).stream()
                .filter(event -> event.succeeded() && PASSWORD_SET.contains(event.name()) && "signin.amazonaws.com".equals(event.source()))
                .max(Comparator.comparing(RootActivity.Event::time));
        if (change.isPresent()) {
            return Verdict.pass(Reason.of(set, "The root user set its password at " + change.get().time() + " (" + change.get().name() + " from "
                    + change.get().sourceIp() + " in CloudTrail's event history, " + SIGN_IN_REGION + "), on or after " + day + "."),
                    inventory, report, history);
        }
        String otherSources = "the credential report's password_last_changed is not_supported for the root user"
                + created.map(at -> ", and the login profile was created at " + at + ", before " + day)
                .orElse(", and no root session read the login profile's creation (" + inventory.source() + ")");
        if (!revoked.isBefore(history.from())) {
            return Verdict.fail(Reason.of(notChanged, "CloudTrail's event history in " + SIGN_IN_REGION + ", which holds the root user's sign-in "
                    + "events since " + history.from() + ", has no " + String.join(" or ", PASSWORD_SET) + " since " + day + "; " + otherSources + "."),
                    inventory, report, history);
        }
        return Verdict.unableToAssess(Reason.of("The event history does not reach back to the day access was revoked, and no other evidence dates "
                + "the root password.", "CloudTrail's event history keeps 90 days, since " + history.from() + ", and " + day + " is older; it has no "
                + String.join(" or ", PASSWORD_SET) + " by the root user, and " + otherSources + ". A trail's archive (its S3 bucket, or CloudTrail "
                + "Lake) holds the sign-in events of that time."), inventory, report, history);
    }

    private static String notListed(RootMfaDevices.Availability why) {
        String finding = "The root user's MFA devices are listed only through a root session, which this run does not open for the account.";
        return switch (why) {
            case MANAGEMENT_ACCOUNT -> Reason.of("The management account's root user cannot be read through a root session.",
                    "sts:AssumeRoot opens sessions into member accounts only: list this root user's MFA devices signed in as root (Security credentials).");
            case ROOT_SESSIONS_OFF -> Reason.of(finding, "Set rootposture.root-sessions=true, with root sessions (RootSessions) enabled for the "
                    + "organization, to list them through sts:AssumeRoot with the IAMAuditRootUserCredentials task policy (each session leaves "
                    + "root events in the account's CloudTrail).");
            default -> Reason.of(finding, "Root sessions (RootSessions) are not enabled for the organization, or this run's caller is neither its "
                    + "management account nor a delegated administrator: enable them under IAM → Root access management.");
        };
    }
}
