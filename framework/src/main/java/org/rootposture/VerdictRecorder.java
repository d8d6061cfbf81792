package org.rootposture;

import java.util.Optional;

import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.waivers.Waivers;

/**
 * The one place a run's verdicts pass on their way into the report, for the annotations, the assertions and the
 * accounts that are listed but not checked alike: the run's waivers apply to the control they name, every text is
 * redacted, and the evidence goes to the report the run hands it (the running Allure result).
 */
final class VerdictRecorder {

    /** Where a verdict's evidence goes. */
    @FunctionalInterface
    interface Evidence {
        void attach(Verdict verdict);
    }

    private final Waivers waivers;
    private final Evidence report;

    VerdictRecorder(Waivers waivers, Evidence report) {
        this.waivers = waivers;
        this.report = report;
    }

    /** A control's own verdict, as reported: waived where a waiver for that control accepts it; its evidence attached. */
    Verdict decided(ControlDefinition control, String accountId, Verdict verdict) {
        Verdict reported = waivers.apply(control.id(), accountId, verdict).redacted();
        report.attach(reported);
        return reported;
    }

    /**
     * The verdict of one assertion inside a check, as reported: its evidence attached. A waiver of the assertion's own
     * control does not apply: it accepts that control's result, not a check that uses it.
     */
    Verdict judged(ControlDefinition control, String accountId, Verdict verdict) {
        Verdict reported = verdict.redacted();
        report.attach(reported);
        return reported;
    }

    /** A check's overall verdict, whose assertions attached their evidence: waived only by a waiver naming its control. */
    Verdict concluded(Optional<ControlDefinition> control, String accountId, Verdict verdict) {
        return control.map(definition -> waivers.apply(definition.id(), accountId, verdict)).orElse(verdict).redacted();
    }
}
