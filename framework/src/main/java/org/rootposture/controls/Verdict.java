package org.rootposture.controls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opentest4j.TestAbortedException;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceUnavailableException;
import org.rootposture.evidence.Unreadable;

/**
 * What a control decided, why (one sentence an auditor understands), and from which evidence. A FAIL may carry a
 * waiver: the risk was accepted (see {@code org.rootposture.waivers.Waivers}), so the test is reported as skipped
 * with the waiver's sentence, while the outcome stays FAIL.
 *
 * @param outcome  the verdict
 * @param reason   the sentence
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
     * Turns the verdict into a JUnit outcome: returns on PASS, throws {@link AssertionError} with the reason on FAIL,
     * aborts the test on a waived FAIL ("Waived until ...: ... Finding: reason") and on NOT_APPLICABLE, and throws
     * {@link UnableToAssessException} on UNABLE_TO_ASSESS.
     */
    public void enforce(ControlDefinition control) {
        switch (outcome) {
            case PASS -> { }
            case FAIL -> {
                if (waiver.isPresent()) {
                    throw new TestAbortedException(waiver.get() + " Finding: " + reason);
                }
                throw new AssertionError(reason);
            }
            case NOT_APPLICABLE -> throw new TestAbortedException("Not applicable: " + reason);
            case UNABLE_TO_ASSESS -> throw new UnableToAssessException("Unable to assess " + control.id() + ": " + reason);
        }
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
