package org.rootposture.internal.session;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The caller's credentials, from the SDK's default chain. When the chain finds none, the call fails with one
 * sentence saying how to provide them, instead of the chain's account of every provider it tried.
 */
final class CallerCredentials implements AwsCredentialsProvider, AutoCloseable {

    private final DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return chain.resolveCredentials();
        } catch (RuntimeException e) {
            NoCredentialsException none = new NoCredentialsException(e);
            throw SdkClientException.builder().message(none.getMessage()).cause(none).build();
        }
    }

    @Override
    public void close() {
        chain.close();
    }
}
