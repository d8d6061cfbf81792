package org.rootposture.internal.controls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.redaction.Redactor;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * What a control decided, why, and from which evidence. The reason's first line is the finding, in words shared by
 * every account with it ("No SCP in effect denies every action by the root user."), so that the report groups one
 * finding across many accounts; what follows the first newline is this account's own facts. A FAIL may carry a
 * waiver: the risk was accepted, so the test is reported as skipped
 * with the waiver's sentence, while the outcome stays FAIL.
 *
 * @param outcome  the verdict
 * @param reason   the finding, then, after a newline, the account's own facts
 * @param evidence the records it was decided from
 * @param waiver   the sentence of the waiver that accepts this FAIL as a risk, starting "Waived"
 */
public record Verdict(Outcome outcome, String reason, List<Evidence> evidence, Optional<String> waiver) {

    public Verdict {
        evidence = List.copyOf(evidence);
        waiver = Objects.requireNonNull(waiver, "waiver");
    }

    public Verdict(Outcome outcome, String reason, List<Evidence> evidence) {
        this(outcome, reason, evidence, Optional.empty());
    }

    /** This FAIL, accepted as a risk: the report shows {@code sentence} (which starts "Waived") instead of a failure. */
    public Verdict waived(String sentence) {
        if (outcome != Outcome.FAIL) {
            throw new IllegalStateException("Only a FAIL can be waived, not " + outcome + ": " + reason);
        }
        return new Verdict(outcome, reason, evidence, Optional.of(sentence));
    }

    /** The same verdict with another reason, such as the reason redacted or with a note about an expired waiver. */
    public Verdict withReason(String newReason) {
        return new Verdict(outcome, newReason, evidence, waiver);
    }

    /** The same verdict with its reason and waiver sentence redacted; its evidence records are redacted when written. */
    public Verdict redacted() {
        Verdict redacted = withReason(Redactor.redact(reason));
        return waiver.map(sentence -> redacted.waived(Redactor.redact(sentence))).orElse(redacted);
    }

    /** The reason's first line: the finding, in words shared by every account with it. */
    public String finding() {
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }

    /** What follows the reason's first line: this account's own facts; empty when there are none. */
    public String detail() {
        int newline = reason.indexOf('\n');
        return newline < 0 ? "" : reason.substring(newline + 1);
    }

    /** The same verdict with a sentence added to the account's own facts, after the finding. */
    public Verdict withMoreDetail(String sentence) {
        return withReason(finding() + "\n" + (detail().isEmpty() ? sentence : detail() + " " + sentence));
    }

    /** Whether this is a FAIL accepted as a risk. */
    public boolean isWaived() {
        return waiver.isPresent();
    }

    public static Verdict pass(String reason, Evidence... evidence) {
        return new Verdict(Outcome.PASS, reason, List.of(evidence));
    }

    public static Verdict fail(String reason, Evidence... evidence) {
        return new Verdict(Outcome.FAIL, reason, List.of(evidence));
    }

    public static Verdict notApplicable(String reason, Evidence... evidence) {
        return new Verdict(Outcome.NOT_APPLICABLE, reason, List.of(evidence));
    }

    public static Verdict unableToAssess(String reason, Evidence... evidence) {
        return new Verdict(Outcome.UNABLE_TO_ASSESS, reason, List.of(evidence));
    }

    /**
     * A failed AWS call: the finding {@code iam:GetAccountSummary failed with AccessDenied.}, then on the next line what
     * was answered.
     */
    public static Verdict unableToAssess(EvidenceUnavailableException failure) {
        return unableToAssess(Reason.of(Reason.failed(failure), failure.detail()),
                new Unreadable(failure));
    }
}
