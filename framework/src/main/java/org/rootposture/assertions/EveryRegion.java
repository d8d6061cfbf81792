package org.rootposture.assertions;

import java.util.Comparator;
import java.util.List;

import org.rootposture.AwsAccount;
import org.rootposture.controls.BuiltInControl;
import org.rootposture.controls.EvaluationContext;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;
import org.rootposture.evidence.EvidenceUnavailableException;

/**
 * Asserts a per-region control in every enabled region of an account: the regions whose verdict is not a pass are
 * asserted first (failures, then unassessable, then not applicable), so the assertion ends on the first such region and
 * names it; when every region passes, each region's verdict is reported.
 */
final class EveryRegion {

    private EveryRegion() {
    }

    static <S extends ControlAssertions<S, ?>> S satisfies(S assertion, AwsAccount account, BuiltInControl control, EvaluationContext context) {
        List<String> regions;
        try {
            regions = account.evidence().enabledRegions().regions();
        } catch (EvidenceUnavailableException e) {
            return unable(assertion, account, control, Verdict.unableToAssess(e));
        }
        if (regions.isEmpty()) {
            return unable(assertion, account, control, Verdict.unableToAssess("No region of " + account.displayName()
                    + " is enabled or configured, so " + control.definition().id() + " has nowhere to look."));
        }
        List<String> decisiveFirst = regions.stream()
                .sorted(Comparator.comparingInt(region -> rank(control.evaluate(account.evidence(), context.withRegion(region)).outcome())))
                .toList();
        S result = assertion;
        for (String region : decisiveFirst) {
            result = assertion.satisfies(account, control, context.withRegion(region));
        }
        return result;
    }

    private static <S> S unable(S assertion, AwsAccount account, BuiltInControl control, Verdict verdict) {
        account.record(control.definition(), verdict);
        verdict.enforce(control.definition());
        return assertion;
    }

    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case FAIL -> 0;
            case UNABLE_TO_ASSESS -> 1;
            case NOT_APPLICABLE -> 2;
            case PASS -> 3;
        };
    }
}
