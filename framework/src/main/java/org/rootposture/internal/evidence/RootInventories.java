package org.rootposture.internal.evidence;

import static org.rootposture.internal.session.AwsCalls.call;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.RootMfaDevices;
import org.rootposture.internal.session.EvidenceUnavailableException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Builds a {@link RootCredentialsInventory} from a root audit session, or from the summary and credential report; a
 * root session also lists the {@link RootMfaDevices}.
 */
final class RootInventories {

    /** What one root session read: the inventory and the MFA devices. */
    record RootSessionRead(RootCredentialsInventory inventory, RootMfaDevices mfaDevices) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private RootInventories() {
    }

    static RootSessionRead fromRootSession(IamClient root, Clock clock) {
        Optional<Instant> passwordCreated;
        try {
            LoginProfile profile = call("iam:GetLoginProfile", () -> root.getLoginProfile(request -> { }).loginProfile());
            if (profile == null || profile.createDate() == null) {
                throw EvidenceUnavailableException.missing("iam:GetLoginProfile", "LoginProfile.CreateDate");
            }
            passwordCreated = Optional.of(profile.createDate());
        } catch (EvidenceUnavailableException e) {
            if (!(e.getCause() instanceof NoSuchEntityException)) {
                throw e;
            }
            passwordCreated = Optional.empty();
        }
        List<String> keys = call("iam:ListAccessKeys", () -> root.listAccessKeys(request -> { }).accessKeyMetadata()).stream()
                .map(key -> key.statusAsString() + ", created " + day(key.createDate()))
                .toList();
        List<RootMfaDevices.Device> devices = call("iam:ListMFADevices", () -> root.listMFADevices(request -> { }).mfaDevices()).stream()
                .map(device -> new RootMfaDevices.Device(device.serialNumber(), device.enableDate()))
                .toList();
        List<String> certificates = call("iam:ListSigningCertificates", () -> root.listSigningCertificates(request -> { }).certificates()).stream()
                .map(certificate -> certificate.statusAsString() + ", uploaded " + day(certificate.uploadDate()))
                .toList();
        Instant read = clock.instant();
        return new RootSessionRead(new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSION, passwordCreated.isPresent(),
                passwordCreated.orElse(null), keys,
                devices.stream().map(RootMfaDevices.Device::serialNumber).toList(), certificates,
                Provenance.of(read, "sts:AssumeRoot", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:ListMFADevices", "iam:ListSigningCertificates")),
                new RootMfaDevices(RootMfaDevices.Availability.LISTED, devices, Provenance.of(read, "sts:AssumeRoot", "iam:ListMFADevices")));
    }

    static RootCredentialsInventory fromReports(AccountSummary summary, CredentialReport report, String source, Instant now) {
        RootCredentials root = report.root();
        boolean password = summary.value(AccountSummary.PASSWORD_PRESENT).map(count -> count > 0)
                .or(root::passwordEnabledKnown)
                .orElseThrow(() -> new EvidenceUnavailableException("iam:GetCredentialReport", "Unknown",
                        "whether root has a password is unknown: no AccountPasswordPresent and password_enabled = not_supported"));
        List<String> keys = new ArrayList<>();
        for (RootCredentials.AccessKeyColumns key : List.of(root.accessKey1(), root.accessKey2())) {
            if (key.exists()) {
                keys.add((key.active() ? "Active" : "Inactive") + (key.lastRotated() == null ? "" : ", created " + day(key.lastRotated())));
            }
        }
        if (keys.isEmpty() && summary.required(AccountSummary.ACCESS_KEYS_PRESENT) > 0) {
            keys.add("present (AccountAccessKeysPresent = " + summary.required(AccountSummary.ACCESS_KEYS_PRESENT) + ")");
        }
        List<String> devices = summary.required(AccountSummary.MFA_ENABLED) > 0 ? List.of("an MFA device (AccountMFAEnabled = 1)") : List.of();
        List<String> certificates = new ArrayList<>();
        for (RootCredentials.CertificateColumns certificate : List.of(root.certificate1(), root.certificate2())) {
            if (certificate.exists()) {
                certificates.add(certificate.active() ? "Active" : "Inactive");
            }
        }
        if (certificates.isEmpty() && summary.required(AccountSummary.SIGNING_CERTIFICATES_PRESENT) > 0) {
            certificates.add("present (AccountSigningCertificatesPresent = " + summary.required(AccountSummary.SIGNING_CERTIFICATES_PRESENT) + ")");
        }
        return new RootCredentialsInventory(source, password, null, keys, devices, certificates,
                new Provenance(List.of("iam:GetAccountSummary", "iam:GenerateCredentialReport", "iam:GetCredentialReport"), now));
    }

    private static String day(Instant instant) {
        return instant == null ? "unknown" : DAY.format(instant);
    }
}
