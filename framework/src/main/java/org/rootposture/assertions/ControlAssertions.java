package org.rootposture.assertions;

import org.assertj.core.api.AbstractAssert;
import org.rootposture.AwsAccount;
import org.rootposture.internal.Check;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.EvaluationContext;

/**
 * What every Root Posture assertion does: evaluate the built-in control and hand the verdict to the running check,
 * which attaches its evidence. An assertion never stops the ones after it: the check's verdict, when its method ends,
 * is the worst of all of them (FAIL before UNABLE_TO_ASSESS before NOT_APPLICABLE before PASS).
 */
abstract class ControlAssertions<SELF extends ControlAssertions<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

    ControlAssertions(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    SELF satisfies(AwsAccount account, BuiltInControl control, EvaluationContext context) {
        Check.current().judge(account, control.definition(), control.evaluate(account.evidence(), context));
        return myself;
    }
}
