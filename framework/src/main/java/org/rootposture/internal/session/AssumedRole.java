package org.rootposture.internal.session;

import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The credentials of a role assumed with {@code sts:AssumeRole}, first assumed by one call while the others wait. A
 * failure to assume it carries a {@link RoleNotAssumedException}, so whichever call needed the credentials reports the STS
 * error rather than its own operation; the first failure is kept, so an account whose role cannot be assumed costs
 * one attempt (with the SDK's retries), not one per call.
 */
public final class AssumedRole implements AwsCredentialsProvider, AutoCloseable {

    /**
     * The role could not be assumed; the cause is the STS call's own error. The SDK rebuilds the exceptions it
     * retries, so this travels as the cause of the {@link SdkClientException} the call ends with.
     */
    public static final class RoleNotAssumedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RoleNotAssumedException(String roleArn, RuntimeException cause) {
            super("the role " + roleArn + " could not be assumed: " + cause.getMessage(), cause);
        }
    }

    private final String roleArn;
    private final StsAssumeRoleCredentialsProvider provider;
    private volatile boolean assumed;
    private volatile SdkClientException failure;

    private AssumedRole(String roleArn, StsAssumeRoleCredentialsProvider provider) {
        this.roleArn = roleArn;
        this.provider = provider;
    }

    static AssumedRole of(StsClient sts, String roleArn, String sessionName, Optional<String> externalId) {
        return new AssumedRole(roleArn, StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> {
                    request.roleArn(roleArn).roleSessionName(sessionName);
                    externalId.ifPresent(request::externalId);
                })
                .build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (!assumed) {
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                AwsCredentials first = resolve();
                assumed = true;
                return first;
            }
        }
        return resolve();
    }

    private AwsCredentials resolve() {
        try {
            return provider.resolveCredentials();
        } catch (RuntimeException e) {
            RoleNotAssumedException cause = new RoleNotAssumedException(roleArn, e);
            SdkClientException notAssumed = SdkClientException.builder().message(cause.getMessage()).cause(cause).build();
            if (!assumed) {
                failure = notAssumed;
            }
            throw notAssumed;
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
