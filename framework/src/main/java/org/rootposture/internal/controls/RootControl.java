package org.rootposture.internal.controls;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * A built-in control about the root user: not applicable in partitions without a root user, and unable to assess
 * whenever its evidence cannot be read or interpreted.
 */
record RootControl(ControlDefinition definition, boolean needsRootUser, Decision decision) implements BuiltInControl {

    /** The decision proper, which may throw {@link EvidenceUnavailableException} while reading evidence. */
    @FunctionalInterface
    interface Decision {
        Verdict decide(AccountEvidence evidence, EvaluationContext context);
    }

    @Override
    public Verdict evaluate(AccountEvidence evidence, EvaluationContext context) {
        if (needsRootUser && !evidence.identity().partitionHasRootUser()) {
            return Verdict.notApplicable(Reason.of("This AWS partition has no root user.",
                    "The account is in the " + evidence.identity().partition() + " partition, which has no root user."));
        }
        try {
            return decision.decide(evidence, context);
        } catch (EvidenceUnavailableException e) {
            return Verdict.unableToAssess(e);
        } catch (RuntimeException unexpected) {
            return Verdict.unableToAssess(Reason.of("The evidence could not be interpreted.",
                    "Reading it failed with " + unexpected + "; " + definition.id() + " fails closed rather than guess."));
        }
    }
}
