package org.rootposture.internal.controls;

import org.rootposture.evidence.AccountEvidence;

/**
 * A control of the built-in catalogue: its definition and its decision, a function from evidence to verdict. The
 * annotations and the assertions call the same decision.
 */
public interface BuiltInControl {

    ControlDefinition definition();

    /** Whether the control is judged once per enabled region of an account, rather than once per account. */
    default boolean perRegion() {
        return false;
    }

    /** Decides; evidence that cannot be read becomes {@link Outcome#UNABLE_TO_ASSESS}, never a pass. */
    Verdict evaluate(AccountEvidence evidence, EvaluationContext context);
}
