package org.rootposture.assertions;

import org.assertj.core.api.AbstractAssert;
import org.rootposture.AwsAccount;
import org.rootposture.controls.BuiltInControl;
import org.rootposture.controls.EvaluationContext;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;

/** What every Root Posture assertion does: evaluate the built-in control, attach its evidence, and turn the verdict into an outcome. */
abstract class ControlAssertions<SELF extends ControlAssertions<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

    ControlAssertions(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    SELF satisfies(AwsAccount account, BuiltInControl control, EvaluationContext context) {
        Verdict verdict = account.assess(control, context);
        if (verdict.outcome() == Outcome.FAIL && !verdict.isWaived()) {
            failWithMessage("%s", verdict.reason());
        }
        verdict.enforce(control.definition());
        return myself;
    }
}
