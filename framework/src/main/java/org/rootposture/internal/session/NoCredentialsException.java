package org.rootposture.internal.session;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * The SDK's default credential chain found no credentials for the caller; the message says how to configure them.
 * Travels as the cause of the {@link SdkClientException} the call ends with, like
 * {@link AssumedRole.RoleNotAssumedException}.
 */
public final class NoCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoCredentialsException(RuntimeException cause) {
        super(ProfileFileSystemSetting.AWS_PROFILE.getNonDefaultStringValue()
                .map(profile -> "No AWS credentials could be loaded from the profile '" + profile
                        + "' (is it in ~/.aws/config, and for SSO, has `aws sso login --profile " + profile + "` run?).")
                .orElse("No AWS credentials were found.")
                + " Set AWS_PROFILE to a profile of ~/.aws/config (SSO included), or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or run where an instance or pipeline role provides them.", cause);
    }
}
