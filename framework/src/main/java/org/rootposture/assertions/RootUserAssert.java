package org.rootposture.assertions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.rootposture.RootUser;
import org.rootposture.internal.controls.BeyondCisControls;
import org.rootposture.internal.controls.RootCredentialControls;

/**
 * Assertions on an account's root user, decided by the same code as the built-in control annotations. Every
 * assertion of a chain is evaluated and attaches its evidence; the check fails if any requirement is not met, is
 * unable to assess if any evidence could not be read, and is not applicable only if nothing else was found.
 *
 * <pre>
 * assertThat(account.root())
 *         .hasNoAccessKeys()
 *         .hasMfa()
 *         .hasHardwareMfa()
 *         .notUsedWithin(Duration.ofDays(30))
 *         .hasNoSigningCertificates();
 * </pre>
 */
public final class RootUserAssert extends ControlAssertions<RootUserAssert, RootUser> {

    RootUserAssert(RootUser actual) {
        super(actual, RootUserAssert.class);
    }

    /**
     * No access keys, active or inactive ({@code root.access-keys.absent}).
     *
     * <pre>assertThat(account.root()).hasNoAccessKeys();</pre>
     */
    public RootUserAssert hasNoAccessKeys() {
        isNotNull();
        return satisfies(actual.account(), RootCredentialControls.ACCESS_KEYS_ABSENT, actual.account().context());
    }

    /**
     * MFA enabled, or no credentials at all ({@code root.mfa.enabled}).
     *
     * <pre>assertThat(account.root()).hasMfa();</pre>
     */
    public RootUserAssert hasMfa() {
        isNotNull();
        return satisfies(actual.account(), RootCredentialControls.MFA_ENABLED, actual.account().context());
    }

    /**
     * MFA enabled and not a virtual device ({@code root.mfa.hardware}).
     *
     * <pre>assertThat(account.root()).hasHardwareMfa();</pre>
     */
    public RootUserAssert hasHardwareMfa() {
        isNotNull();
        return satisfies(actual.account(), RootCredentialControls.MFA_HARDWARE, actual.account().context());
    }

    /**
     * No use of the root password or access keys within the window ({@code root.usage.none-recent}).
     *
     * <pre>assertThat(account.root()).notUsedWithin(Duration.ofDays(30));</pre>
     */
    public RootUserAssert notUsedWithin(Duration window) {
        isNotNull();
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("notUsedWithin needs a positive window, not " + window);
        }
        return satisfies(actual.account(), RootCredentialControls.USAGE_NONE_RECENT, actual.account().context().withUsageWindow(window));
    }

    /**
     * At least two MFA devices, listed through a central root session ({@code root.mfa.backup}).
     *
     * <pre>assertThat(account.root()).hasBackupMfa();</pre>
     */
    public RootUserAssert hasBackupMfa() {
        isNotNull();
        return satisfies(actual.account(), BeyondCisControls.MFA_BACKUP, actual.account().context());
    }

    /**
     * The root user's e-mail address is on one of the organization's mail domains ({@code rootposture.root-email-domains}),
     * or, without them, not at a personal mail provider ({@code root.email.corporate-domain}).
     *
     * <pre>assertThat(account.root()).hasEmailOnCorporateDomain();</pre>
     */
    public RootUserAssert hasEmailOnCorporateDomain() {
        isNotNull();
        return satisfies(actual.account(), BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN, actual.account().context());
    }

    /**
     * The root password was set on or after the day someone's access to the root user was revoked, or there is none
     * ({@code root.password.rotated}).
     *
     * <pre>assertThat(account.root()).passwordChangedSince(LocalDate.of(2026, 10, 1));</pre>
     */
    public RootUserAssert passwordChangedSince(LocalDate revokedOn) {
        isNotNull();
        if (revokedOn == null || revokedOn.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw new IllegalArgumentException("passwordChangedSince needs a day that has begun, not " + revokedOn);
        }
        return satisfies(actual.account(), BeyondCisControls.PASSWORD_ROTATED,
                actual.account().context().withRootAccessRevokedOn(Optional.of(revokedOn)));
    }

    /**
     * No X.509 signing certificates ({@code root.signing-certificates.absent}).
     *
     * <pre>assertThat(account.root()).hasNoSigningCertificates();</pre>
     */
    public RootUserAssert hasNoSigningCertificates() {
        isNotNull();
        return satisfies(actual.account(), RootCredentialControls.SIGNING_CERTIFICATES_ABSENT, actual.account().context());
    }
}
