package org.rootposture.internal.controls;

import org.rootposture.evidence.AccountEvidence;

/** A built-in control judged once per enabled region of an account; the region comes from the evaluation context. */
record PerRegionControl(RootControl control) implements BuiltInControl {

    @Override
    public ControlDefinition definition() {
        return control.definition();
    }

    @Override
    public boolean perRegion() {
        return true;
    }

    @Override
    public Verdict evaluate(AccountEvidence evidence, EvaluationContext context) {
        if (context.region().isEmpty()) {
            return Verdict.unableToAssess(Reason.of("A per-region control was evaluated without a region.",
                    control.definition().id() + " is judged per region, and no region was given."));
        }
        return control.evaluate(evidence, context);
    }
}
