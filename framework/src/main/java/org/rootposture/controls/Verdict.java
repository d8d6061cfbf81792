package org.rootposture.controls;

import java.util.List;

import org.opentest4j.TestAbortedException;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceUnavailableException;
import org.rootposture.evidence.Unreadable;

/**
 * What a control decided, why (one sentence an auditor understands), and from which evidence.
 *
 * @param outcome  the verdict
 * @param reason   the sentence
 * @param evidence the records it was decided from
 */
public record Verdict(Outcome outcome, String reason, List<Evidence> evidence) {

    public Verdict {
        evidence = List.copyOf(evidence);
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
     * aborts the test on NOT_APPLICABLE, and throws {@link UnableToAssessException} on UNABLE_TO_ASSESS.
     */
    public void enforce(ControlDefinition control) {
        switch (outcome) {
            case PASS -> { }
            case FAIL -> throw new AssertionError(reason);
            case NOT_APPLICABLE -> throw new TestAbortedException("Not applicable: " + reason);
            case UNABLE_TO_ASSESS -> throw new UnableToAssessException("Unable to assess " + control.id() + ": " + reason);
        }
    }

    public static Verdict unableToAssess(EvidenceUnavailableException failure) {
        return unableToAssess(failure.getMessage() + ".", new Unreadable(failure));
    }
}
