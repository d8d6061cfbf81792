package org.rootposture.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses a successful answer without a body. Every operation Root Posture calls answers with an XML or JSON
 * document, even when it has nothing to list; the SDK would read an empty body as "nothing there" (no keys, no
 * trails), which would turn an answer that was lost on the way into a verdict.
 */
public final class EmptyAnswerGuard implements ExecutionInterceptor {

    /**
     * A successful AWS answer whose body was empty: the call's evidence was never received. The SDK rebuilds the
     * exceptions it retries, so this travels as the cause of the {@link SdkClientException} the call ends with.
     */
    public static final class EmptyAnswerException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EmptyAnswerException(String operation) {
            super(operation + " answered HTTP 200 with an empty body");
        }
    }

    private static SdkClientException empty(String operation) {
        EmptyAnswerException cause = new EmptyAnswerException(operation);
        return SdkClientException.builder().message(cause.getMessage()).cause(cause).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        InputStream body = context.responseBody().orElseThrow(() -> empty(operation));
        PushbackInputStream peeked = new PushbackInputStream(body, 1);
        try {
            int first = peeked.read();
            if (first < 0) {
                throw empty(operation);
            }
            peeked.unread(first);
        } catch (IOException e) {
            throw SdkClientException.create("reading the answer of " + operation + " failed: " + e.getMessage(), e);
        }
        return Optional.of(peeked);
    }
}
