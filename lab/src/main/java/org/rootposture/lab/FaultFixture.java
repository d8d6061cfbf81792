package org.rootposture.lab;

import java.util.Set;

/**
 * An error injected into an account's answers for one operation. JSON protocols receive {@code AccessDenied} as
 * {@code AccessDeniedException} and {@code Throttling} as {@code ThrottlingException}, query protocols the reverse, so
 * one fixture fits every service.
 *
 * @param operation {@code service:Operation} such as {@code iam:GetAccountSummary}
 * @param code      error code such as {@code AccessDenied}, {@code Throttling} or {@code InternalFailure}
 * @param status    HTTP status (default 403 for access denied, 500 for {@code InternalFailure} and
 *                  {@code ServiceUnavailable}, 400 otherwise)
 * @param message   error message
 * @param times     how many requests fail before the operation answers normally; {@code null} for every request
 * @param kind      how the request fails: {@code error} (default, the AWS error above), {@code reset} (the connection
 *                  is closed without an answer), {@code timeout} (no answer for {@link #TIMEOUT}, then closed),
 *                  {@code malformed} (HTTP 200 with a body that is not the protocol's format) or {@code empty}
 *                  (HTTP 200 with an empty body); {@code code} and {@code status} matter only for {@code error}
 */
public record FaultFixture(String operation, String code, Integer status, String message, Integer times, String kind) {

    /** The fault kinds. */
    public static final Set<String> KINDS = Set.of("error", "reset", "timeout", "malformed", "empty");
    /** How long a {@code timeout} fault keeps the request waiting before closing the connection. */
    public static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(4);

    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException");
    private static final Set<String> SERVER_ERRORS = Set.of("InternalFailure", "InternalError", "ServiceUnavailable", "ServiceUnavailableException");

    public FaultFixture(String operation, String code, Integer status, String message, Integer times) {
        this(operation, code, status, message, times, null);
    }

    public FaultFixture {
        kind = kind == null ? "error" : kind;
        code = code == null && !kind.equals("error") ? "Lab" + kind : code;
        status = status != null ? status : defaultStatus(code);
        message = message != null ? message : "Fault injected by the Root Posture lab for " + operation;
    }

    /** Whether this fault answers with an AWS error rather than misbehaving on the wire. */
    public boolean isError() {
        return kind.equals("error");
    }

    private static int defaultStatus(String code) {
        if (code == null) {
            return 400;
        }
        if (ACCESS_DENIED.contains(code)) {
            return 403;
        }
        return SERVER_ERRORS.contains(code) ? 500 : 400;
    }
}
