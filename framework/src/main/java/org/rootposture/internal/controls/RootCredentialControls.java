package org.rootposture.internal.controls;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.Severity;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.RootCredentials.AccessKeyColumns;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.evidence.RootMfaDevices;
import org.rootposture.evidence.Unreadable;
import org.rootposture.evidence.VirtualMfaDevices;
import org.rootposture.internal.session.EvidenceUnavailableException;

/** The six root credential controls and their decisions (see CONTROLS.md, "Root credentials"). */
public final class RootCredentialControls {

    static final String CIS = "CIS AWS Foundations Benchmark";
    static final String BEYOND_CIS = "Root Posture baseline";
    static final String ROOT_CREDENTIALS = "Root user credentials";
    static final String ACCOUNT_CONTACTS = "Account contacts";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public static final BuiltInControl ACCESS_KEYS_ABSENT = new RootControl(new ControlDefinition(
            "root.access-keys.absent", "Root user has no access keys", CIS, ROOT_CREDENTIALS,
            CisReference.all("v3.0.0:1.4", "v5.0.0:1.3", "v6.0.0:2.3", "v7.0.0:2.4"), Severity.CRITICAL,
            "Root access keys give unrestricted, long-lived programmatic access to every resource in the account and cannot be limited by IAM policies or SCPs in the management account; a leaked key is a full compromise.",
            "Sign in as root, open Security credentials and delete every root access key, active or inactive; "
                    + "use IAM roles for programmatic access.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html", "https://www.cisecurity.org/benchmark/amazon_web_services")),
            true, RootCredentialControls::accessKeysAbsent);

    public static final BuiltInControl MFA_ENABLED = new RootControl(new ControlDefinition(
            "root.mfa.enabled", "Root user has MFA", CIS, ROOT_CREDENTIALS,
            CisReference.all("v3.0.0:1.5", "v5.0.0:1.4", "v6.0.0:2.4", "v7.0.0:2.5"), Severity.CRITICAL,
            "The root user can do anything, including closing the account; a password alone is one phishing e-mail away from a full compromise.",
            "Sign in as root and assign an MFA device under Security credentials, or remove the root credentials "
                    + "centrally with AWS Organizations root access management.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html", "https://www.cisecurity.org/benchmark/amazon_web_services")),
            true, RootCredentialControls::mfaEnabled);

    public static final BuiltInControl MFA_HARDWARE = new RootControl(new ControlDefinition(
            "root.mfa.hardware", "Root user MFA is a hardware device", CIS, ROOT_CREDENTIALS,
            CisReference.all("v3.0.0:1.6", "v5.0.0:1.5", "v6.0.0:2.5", "v7.0.0:2.6"), Severity.HIGH,
            "A virtual MFA device lives on a phone or laptop that can be cloned, backed up or compromised; a hardware device or FIDO key is a separate physical factor for the most privileged identity.",
            "Replace the root user's virtual MFA device with a FIDO security key or hardware TOTP token, then "
                    + "deactivate and delete the virtual device.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html", "https://www.cisecurity.org/benchmark/amazon_web_services")),
            true, RootCredentialControls::mfaHardware);

    public static final BuiltInControl USAGE_NONE_RECENT = new RootControl(new ControlDefinition(
            "root.usage.none-recent", "Root user not used for daily tasks", CIS, ROOT_CREDENTIALS,
            CisReference.all("v3.0.0:1.7", "v5.0.0:1.6", "v6.0.0:2.6", "v7.0.0:2.7"), Severity.HIGH,
            "Daily work as root bypasses least privilege and leaves no per-person trail; recent root use means either a break-glass event to explain or a habit to stop.",
            "Find out who used root and why (CloudTrail, userIdentity.type = Root); move that work to IAM roles and "
                    + "keep root for the few tasks that require it.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html", "https://www.cisecurity.org/benchmark/amazon_web_services")),
            true, RootCredentialControls::usageNoneRecent);

    public static final BuiltInControl SIGNING_CERTIFICATES_ABSENT = new RootControl(new ControlDefinition(
            "root.signing-certificates.absent", "Root user has no X.509 signing certificates", BEYOND_CIS, ROOT_CREDENTIALS,
            List.of(), Severity.HIGH,
            "An X.509 signing certificate is a root credential for SOAP-era APIs; nothing today needs one on root, and an unneeded root credential is attack surface.",
            "Sign in as root and delete the X.509 signing certificates under Security credentials.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html")),
            true, RootCredentialControls::signingCertificatesAbsent);

    public static final BuiltInControl SECURITY_CONTACT = new RootControl(new ControlDefinition(
            "root.contacts.security", "Security alternate contact registered", CIS, ACCOUNT_CONTACTS,
            CisReference.all("v3.0.0:1.2", "v5.0.0:1.2", "v6.0.0:2.2", "v7.0.0:2.3"), Severity.MEDIUM,
            "AWS sends security notices (abuse reports, exposed credentials, compromised resources) to the security contact; without one they reach only the account e-mail, which may be unattended.",
            "Register a SECURITY alternate contact (Account settings, or `aws account put-alternate-contact "
                    + "--alternate-contact-type SECURITY`, or the Terraform resource aws_account_alternate_contact).",
            List.of("https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html", "https://www.cisecurity.org/benchmark/amazon_web_services")),
            false, RootCredentialControls::securityContactRegistered);

    private RootCredentialControls() {
    }

    /** The six controls in catalogue order. */
    public static List<BuiltInControl> all() {
        return List.of(ACCESS_KEYS_ABSENT, MFA_ENABLED, MFA_HARDWARE, USAGE_NONE_RECENT, SIGNING_CERTIFICATES_ABSENT, SECURITY_CONTACT);
    }

    static Verdict accessKeysAbsent(AccountEvidence evidence, EvaluationContext context) {
        AccountSummary summary = evidence.accountSummary();
        int present = summary.required(AccountSummary.ACCESS_KEYS_PRESENT);
        if (present == 0) {
            return Verdict.pass(Reason.of("The root user has no access keys.", "AccountAccessKeysPresent = 0."), summary);
        }
        String counted = "AccountAccessKeysPresent = " + present;
        return withCredentialReport(evidence, summary, "The root user has access keys.", report -> {
            RootCredentials root = report.root();
            String keys = Stream.of(describe("access key 1", root.accessKey1()), describe("access key 2", root.accessKey2()))
                    .flatMap(Optional::stream)
                    .collect(Collectors.joining("; "));
            return counted + ": " + (keys.isEmpty() ? "the credential report generated " + day(report.generatedTime()) + " does not list them yet" : keys)
                    + ". An inactive root key is still a key.";
        }, counted + ". An inactive root key is still a key.");
    }

    static Verdict mfaEnabled(AccountEvidence evidence, EvaluationContext context) {
        AccountSummary summary = evidence.accountSummary();
        int mfa = summary.required(AccountSummary.MFA_ENABLED);
        if (mfa > 0) {
            return Verdict.pass(Reason.of("The root user has MFA enabled.", "AccountMFAEnabled = " + mfa + "."), summary);
        }
        return withoutMfa(evidence, summary, "The root user has no MFA while it has credentials.");
    }

    static Verdict mfaHardware(AccountEvidence evidence, EvaluationContext context) {
        AccountSummary summary = evidence.accountSummary();
        if (summary.required(AccountSummary.MFA_ENABLED) == 0) {
            return withoutMfa(evidence, summary, "The root user has no MFA at all, so none is hardware, while it has credentials.");
        }
        RootMfaDevices listed = evidence.rootMfaDevices();
        if (listed.listed()) {
            return mfaHardwareFromRootSession(summary, listed);
        }
        VirtualMfaDevices devices = evidence.virtualMfaDevices();
        String rootArn = evidence.identity().rootArn();
        List<VirtualMfaDevices.Device> rootDevices = devices.assignedTo(rootArn);
        if (!rootDevices.isEmpty()) {
            return Verdict.fail(Reason.of("The root user's MFA is a virtual device, not a hardware device.",
                    rootDevices.stream().map(VirtualMfaDevices.Device::serialNumber).collect(Collectors.joining(", "))
                            + " is assigned to " + rootArn + "."), summary, devices);
        }
        return Verdict.pass(Reason.of("The root user's MFA is a hardware device or security key.",
                "MFA is enabled and none of the account's " + devices.devices().size() + " virtual MFA devices is assigned to " + rootArn
                        + ": the device is hardware (TOTP token or FIDO security key)."), summary, devices);
    }

    /** Decided from the devices a root session lists: a FIDO key or hardware TOTP token passes, and a virtual device beside it is named. */
    private static Verdict mfaHardwareFromRootSession(AccountSummary summary, RootMfaDevices listed) {
        Map<Boolean, List<RootMfaDevices.Device>> byHardware = listed.devices().stream()
                .collect(Collectors.partitioningBy(device -> device.kind() != RootMfaDevices.Kind.VIRTUAL));
        List<RootMfaDevices.Device> hardware = byHardware.get(true);
        List<RootMfaDevices.Device> virtual = byHardware.get(false);
        if (!hardware.isEmpty()) {
            return Verdict.pass(Reason.of("The root user's MFA is a hardware device or security key.", "The root session lists " + describe(hardware)
                    + (virtual.isEmpty() ? "." : "; beside it, " + describe(virtual) + ", a weaker way in worth removing.")), summary, listed);
        }
        if (virtual.isEmpty()) {
            return Verdict.unableToAssess(Reason.of("The account summary and the root session disagree about the root user's MFA.",
                    "AccountMFAEnabled = " + summary.required(AccountSummary.MFA_ENABLED) + ", but the root session lists no MFA device."), summary, listed);
        }
        return Verdict.fail(Reason.of("The root user's MFA is a virtual device, not a hardware device.",
                "The root session lists only " + describe(virtual) + "."), summary, listed);
    }

    private static String describe(List<RootMfaDevices.Device> devices) {
        return devices.stream().map(RootMfaDevices.Device::describe).collect(Collectors.joining(", "));
    }

    static Verdict usageNoneRecent(AccountEvidence evidence, EvaluationContext context) {
        CredentialReport report = evidence.credentialReport();
        Optional<RootCredentials.Use> lastUse = report.root().mostRecentUse();
        String window = context.usageWindow().toDays() + "-day window";
        String source = " (credential report generated " + report.generatedTime() + ")";
        if (lastUse.isEmpty()) {
            return Verdict.pass(Reason.of("The credential report records no use of the root user's password or access keys.",
                    "Neither the password nor an access key has a last-used date" + source + "."), report);
        }
        RootCredentials.Use use = lastUse.get();
        long daysAgo = Duration.between(use.at(), context.now()).toDays();
        String when = "The root user's " + use.credential() + " was last used on " + day(use.at()) + " (" + daysAgo + " days ago), ";
        if (use.at().isAfter(context.now().minus(context.usageWindow()))) {
            return Verdict.fail(Reason.of("The root user's password or access keys were used within the window.",
                    when + "within the " + window + source + "."), report);
        }
        return Verdict.pass(Reason.of("The root user's password and access keys were not used within the window.",
                when + "outside the " + window + source + "."), report);
    }

    static Verdict signingCertificatesAbsent(AccountEvidence evidence, EvaluationContext context) {
        AccountSummary summary = evidence.accountSummary();
        int present = summary.required(AccountSummary.SIGNING_CERTIFICATES_PRESENT);
        if (present == 0) {
            return Verdict.pass(Reason.of("The root user has no X.509 signing certificates.", "AccountSigningCertificatesPresent = 0."), summary);
        }
        String counted = "AccountSigningCertificatesPresent = " + present;
        return withCredentialReport(evidence, summary, "The root user has X.509 signing certificates.", report -> {
            RootCredentials root = report.root();
            String certificates = Stream.of(
                            root.certificate1().exists() ? Optional.of("certificate 1 " + (root.certificate1().active() ? "active" : "inactive")) : Optional.<String>empty(),
                            root.certificate2().exists() ? Optional.of("certificate 2 " + (root.certificate2().active() ? "active" : "inactive")) : Optional.<String>empty())
                    .flatMap(Optional::stream)
                    .collect(Collectors.joining(", "));
            return counted + (certificates.isEmpty() ? "." : ": " + certificates + ".");
        }, counted + ".");
    }

    static Verdict securityContactRegistered(AccountEvidence evidence, EvaluationContext context) {
        AlternateContact contact = evidence.securityContact();
        if (!contact.registered()) {
            return Verdict.fail(Reason.of("No SECURITY alternate contact is registered.",
                    "AWS has no one but the account's e-mail address to notify about security issues in this account."), contact);
        }
        return Verdict.pass(Reason.of("A SECURITY alternate contact is registered.", contact.describe() + "."), contact);
    }

    private static Verdict withoutMfa(AccountEvidence evidence, AccountSummary summary, String finding) {
        List<Evidence> used = new ArrayList<>(List.of(summary));
        List<String> credentials = new ArrayList<>();
        if (summary.required(AccountSummary.ACCESS_KEYS_PRESENT) > 0) {
            credentials.add("access keys");
        }
        if (summary.required(AccountSummary.SIGNING_CERTIFICATES_PRESENT) > 0) {
            credentials.add("signing certificates");
        }
        Optional<Boolean> password = summary.value(AccountSummary.PASSWORD_PRESENT).map(count -> count > 0);
        if (password.isEmpty() && credentials.isEmpty()) {
            CredentialReport report = evidence.credentialReport();
            used.add(report);
            password = report.root().passwordEnabledKnown();
        }
        password.filter(Boolean::booleanValue).ifPresent(p -> credentials.add(0, "a password"));
        Evidence[] evidenceUsed = used.toArray(Evidence[]::new);
        if (!credentials.isEmpty()) {
            return Verdict.fail(Reason.of(finding, "AccountMFAEnabled = 0 while the root user has " + String.join(", ", credentials) + "."),
                    evidenceUsed);
        }
        if (password.isEmpty()) {
            return Verdict.unableToAssess(Reason.of("Whether the root user has a password is unknown.",
                    "The root user has no MFA, no access keys and no signing certificates, but the account summary has no "
                            + AccountSummary.PASSWORD_PRESENT + " and the credential report says password_enabled = not_supported."),
                    evidenceUsed);
        }
        return Verdict.notApplicable(Reason.of("The root user has no credentials, so MFA is neither possible nor necessary.",
                "The root user has no password, access keys or signing certificates (root credentials removed)."), evidenceUsed);
    }

    private static Verdict withCredentialReport(AccountEvidence evidence, AccountSummary summary, String finding,
                                                Function<CredentialReport, String> detailed, String plain) {
        try {
            CredentialReport report = evidence.credentialReport();
            return Verdict.fail(Reason.of(finding, detailed.apply(report)), summary, report);
        } catch (EvidenceUnavailableException e) {
            return Verdict.fail(Reason.of(finding, plain + " Details were not available: " + e.getMessage() + "."), summary, new Unreadable(e));
        }
    }

    private static Optional<String> describe(String name, AccessKeyColumns key) {
        if (!key.exists()) {
            return Optional.empty();
        }
        String use = key.lastUsed() == null ? "never used"
                : "last used " + day(key.lastUsed()) + Optional.ofNullable(key.lastUsedRegion()).map(r -> " in " + r).orElse("")
                + Optional.ofNullable(key.lastUsedService()).map(s -> " with " + s).orElse("");
        return Optional.of(name + " " + (key.active() ? "active" : "inactive") + ", " + use);
    }

    private static String day(Instant instant) {
        return DAY.format(instant);
    }
}
