package org.rootposture.lab;

/**
 * An MFA device of an account's root user.
 *
 * @param serialNumber a hardware serial such as {@code GAHT12345678}, a virtual device ARN such as
 *                     {@code arn:aws:iam::<id>:mfa/root}, or a FIDO key ARN such as {@code arn:aws:iam::<id>:u2f/root/key}
 * @param enabled      time value of its activation (default {@code -P90D})
 */
public record RootMfaDeviceFixture(String serialNumber, String enabled) {

    public RootMfaDeviceFixture {
        enabled = enabled == null ? "-P90D" : enabled;
    }
}
