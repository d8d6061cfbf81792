package org.rootposture.internal.controls;

/** The four verdicts every control yields, for every account it is asked about. */
public enum Outcome {
    /** Evidence read, requirement met. */
    PASS,
    /** Evidence read, requirement not met. */
    FAIL,
    /** The requirement cannot apply; the reason says why. */
    NOT_APPLICABLE,
    /** The evidence could not be read or trusted; never counted as compliant. */
    UNABLE_TO_ASSESS
}
