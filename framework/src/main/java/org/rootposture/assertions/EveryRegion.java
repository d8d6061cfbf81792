package org.rootposture.assertions;

import java.util.List;

import org.rootposture.AwsAccount;
import org.rootposture.internal.Check;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.session.EvidenceUnavailableException;

/** Asserts a per-region control in every enabled region of an account: each region's verdict goes to the running check. */
final class EveryRegion {

    private EveryRegion() {
    }

    static <S extends ControlAssertions<S, ?>> S satisfies(S assertion, AwsAccount account, BuiltInControl control, EvaluationContext context) {
        List<String> regions;
        try {
            regions = account.evidence().enabledRegions().regions();
        } catch (EvidenceUnavailableException e) {
            Check.current().judge(account, control.definition(), Verdict.unableToAssess(e));
            return assertion;
        }
        if (regions.isEmpty()) {
            Check.current().judge(account, control.definition(), Verdict.unableToAssess(
                    "No region is enabled or configured for a per-region control.\nThe account's regions came back empty, so "
                            + control.definition().id() + " has nowhere to look."));
            return assertion;
        }
        S result = assertion;
        for (String region : regions) {
            result = assertion.satisfies(account, control, context.withRegion(region));
        }
        return result;
    }
}
