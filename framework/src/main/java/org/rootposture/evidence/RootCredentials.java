package org.rootposture.evidence;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The root user's row of the IAM credential report ({@code <root_account>}), typed. Dates are absent where the
 * report says {@code N/A}, {@code no_information} or {@code not_supported}.
 *
 * @param arn             the root ARN in the report
 * @param passwordEnabled {@code true}, {@code false} or {@code not_supported} as the report says
 * @param passwordLastUsed when the root password was last used
 * @param passwordLastChanged when the root password was last changed: AWS reports {@code not_supported} for the root
 *                        user, so this is almost always absent
 * @param mfaActive       whether the report shows MFA active
 * @param accessKey1      first access key columns
 * @param accessKey2      second access key columns
 * @param certificate1    first signing certificate columns
 * @param certificate2    second signing certificate columns
 */
public record RootCredentials(
        String arn,
        String passwordEnabled,
        Instant passwordLastUsed,
        Instant passwordLastChanged,
        boolean mfaActive,
        AccessKeyColumns accessKey1,
        AccessKeyColumns accessKey2,
        CertificateColumns certificate1,
        CertificateColumns certificate2) {

    /**
     * Access key columns of the report.
     *
     * @param active          whether the key is active
     * @param lastRotated     when it was created or rotated; absent when there is no key
     * @param lastUsed        when it was last used
     * @param lastUsedRegion  where it was last used
     * @param lastUsedService which service it was last used with
     */
    public record AccessKeyColumns(boolean active, Instant lastRotated, Instant lastUsed, String lastUsedRegion, String lastUsedService) {

        /** Whether the report shows a key at all, active or not. */
        public boolean exists() {
            return active || lastRotated != null;
        }
    }

    /**
     * Signing certificate columns of the report.
     *
     * @param active      whether the certificate is active
     * @param lastRotated when it was uploaded or rotated
     */
    public record CertificateColumns(boolean active, Instant lastRotated) {

        public boolean exists() {
            return active || lastRotated != null;
        }
    }

    /** One recorded use of a root credential. */
    public record Use(String credential, Instant at) { }

    /** The most recent use of the password or either access key: the latest of the three dates, not the first found. */
    public Optional<Use> mostRecentUse() {
        return Stream.of(
                        new Use("password", passwordLastUsed),
                        new Use("access key 1", accessKey1.lastUsed()),
                        new Use("access key 2", accessKey2.lastUsed()))
                .filter(use -> use.at() != null)
                .max(Comparator.comparing(Use::at));
    }

    /** The password state as a boolean, absent where the report says {@code not_supported}. */
    public Optional<Boolean> passwordEnabledKnown() {
        return switch (passwordEnabled) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
