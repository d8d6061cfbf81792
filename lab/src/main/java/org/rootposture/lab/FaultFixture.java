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
 */
public record FaultFixture(String operation, String code, Integer status, String message, Integer times) {

    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException");
    private static final Set<String> SERVER_ERRORS = Set.of("InternalFailure", "InternalError", "ServiceUnavailable", "ServiceUnavailableException");

    public FaultFixture {
        status = status != null ? status : defaultStatus(code);
        message = message != null ? message : "Fault injected by the Root Posture lab for " + operation;
    }

    private static int defaultStatus(String code) {
        if (ACCESS_DENIED.contains(code)) {
            return 403;
        }
        return SERVER_ERRORS.contains(code) ? 500 : 400;
    }
}
