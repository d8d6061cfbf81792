package org.rootposture.lab;

import java.util.List;

/**
 * The credentials of an account's root user, as IAM answers about them to a root session of {@code sts:AssumeRoot}.
 *
 * @param password            whether the root user has a password (default false)
 * @param passwordCreated     time value of the password's creation (default {@code -P1000D})
 * @param accessKeys          the root user's access keys
 * @param mfaDevices          the root user's MFA devices
 * @param signingCertificates the root user's signing certificates
 */
public record RootCredentialsFixture(
        Boolean password,
        String passwordCreated,
        List<RootAccessKeyFixture> accessKeys,
        List<RootMfaDeviceFixture> mfaDevices,
        List<RootSigningCertificateFixture> signingCertificates) {

    static final RootCredentialsFixture NONE = new RootCredentialsFixture(null, null, null, null, null);

    public RootCredentialsFixture {
        password = password != null && password;
        passwordCreated = passwordCreated == null ? "-P1000D" : passwordCreated;
        accessKeys = Copies.list(accessKeys);
        mfaDevices = Copies.list(mfaDevices);
        signingCertificates = Copies.list(signingCertificates);
    }
}
