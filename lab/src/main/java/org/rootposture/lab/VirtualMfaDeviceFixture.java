package org.rootposture.lab;

/**
 * A virtual MFA device of an account.
 *
 * @param serialNumber device ARN such as {@code arn:aws:iam::111111111111:mfa/alice}
 * @param userArn      ARN of the user it is assigned to ({@code arn:aws:iam::<id>:root} for the root user), or
 *                     {@code null} when unassigned
 * @param enableDate   time value of its activation (default {@code -P90D}; none when unassigned)
 */
public record VirtualMfaDeviceFixture(String serialNumber, String userArn, String enableDate) {

    public VirtualMfaDeviceFixture {
        enableDate = enableDate == null && userArn != null ? "-P90D" : enableDate;
    }
}
