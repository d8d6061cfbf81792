package org.rootposture.internal.session;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.rootposture.internal.session.AssumedRole.RoleNotAssumedException;
import org.rootposture.internal.session.EmptyAnswerGuard.EmptyAnswerException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/**
 * Runs one AWS call and turns whatever goes wrong (an AWS error, a timeout, a role that could not be assumed, no
 * credentials, an empty or incomplete answer) into {@link EvidenceUnavailableException} with a sentence.
 */
public final class AwsCalls {

    private AwsCalls() {
    }

    public static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw unavailable(operation, e);
        }
    }

    public static EvidenceUnavailableException unavailable(String operation, RuntimeException e) {
        if (e instanceof EvidenceUnavailableException known) {
            return known;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RoleNotAssumedException role && role.getCause() instanceof RuntimeException stsError) {
                return unavailable("sts:AssumeRole", stsError);
            }
            if (cause instanceof NoCredentialsException none) {
                return new EvidenceUnavailableException(operation, "NoCredentials", none.getMessage(), e);
            }
            if (cause instanceof EmptyAnswerException empty) {
                return new EvidenceUnavailableException(operation, "MalformedResponse", empty.getMessage(), e);
            }
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
                    ? "HTTP " + service.statusCode() : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            return new EvidenceUnavailableException(operation, code,
                    (message == null || message.isBlank() ? "no message" : message) + " (HTTP " + service.statusCode() + ")", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new EvidenceUnavailableException(operation, "Timeout", "no answer in time: " + firstLine(e), e);
        }
        if (e instanceof SdkClientException) {
            return new EvidenceUnavailableException(operation, "ClientError", firstLine(e), e);
        }
        return new EvidenceUnavailableException(operation, e.getClass().getSimpleName(), firstLine(e), e);
    }

    /** Every item of every page; a page without the list at all is a malformed answer, not an empty one. */
    public static <P, T> List<T> listed(String operation, String field, Supplier<SdkIterable<P>> pages, Predicate<P> present,
                                        Function<P, List<T>> items) {
        return call(operation, () -> pages.get().stream()
                .flatMap(page -> {
                    if (!present.test(page)) {
                        throw EvidenceUnavailableException.missing(operation, field);
                    }
                    return items.apply(page).stream();
                })
                .toList());
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
