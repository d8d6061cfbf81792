package org.rootposture.evidence;

import java.util.List;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Evidence that could not be read: the call, the error AWS (or the network) answered, and when.
 *
 * @param operation  e.g. {@code iam:GetAccountSummary}
 * @param errorCode  e.g. {@code AccessDenied}, {@code Throttling}, {@code Timeout}
 * @param message    what was answered
 * @param provenance the failed call
 */
public record Unreadable(String operation, String errorCode, String message, Provenance provenance) implements Evidence {

    public Unreadable(EvidenceUnavailableException failure) {
        this(failure.operation(), failure.errorCode(), failure.detail(), new Provenance(List.of(failure.operation()), failure.at()));
    }
}
