package org.rootposture.internal.session;

import java.time.Instant;

/** Evidence could not be read or trusted. Carries the operation, the error code and a sentence saying what happened. */
public final class EvidenceUnavailableException extends RuntimeException {

    private final String operation;
    private final String errorCode;
    private final String detail;
    private final Instant at = Instant.now();

    public EvidenceUnavailableException(String operation, String errorCode, String detail) {
        this(operation, errorCode, detail, null);
    }

    public EvidenceUnavailableException(String operation, String errorCode, String detail, Throwable cause) {
        super(operation + " failed with " + errorCode + ": " + detail, cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /** The answer of {@code operation} lacks {@code field}, which every well-formed answer carries. */
    public static EvidenceUnavailableException missing(String operation, String field) {
        return new EvidenceUnavailableException(operation, "MalformedResponse", "the answer has no " + field);
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return at;
    }
}
