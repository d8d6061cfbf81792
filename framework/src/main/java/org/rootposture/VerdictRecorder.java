package org.rootposture;

import java.util.Optional;

import org.rootposture.controls.ControlDefinition;
import org.rootposture.controls.Verdict;
import org.rootposture.report.AllureReport;
import org.rootposture.report.Redactor;
import org.rootposture.waivers.Waivers;

/**
 * The one place a run's verdicts pass on their way into the report, for the annotations, the assertions and the
 * accounts that are listed but not checked alike: the run's waivers apply to the control they name, every text is
 * redacted, and the evidence is attached to the running result.
 */
final class VerdictRecorder {

    private final Waivers waivers;

    VerdictRecorder(Waivers waivers) {
        this.waivers = waivers;
    }

    /** A control's own verdict, as reported: waived where a waiver for that control accepts it; its evidence attached. */
    Verdict decided(ControlDefinition control, String accountId, Verdict verdict) {
        Verdict reported = Redactor.redact(waivers.apply(control.id(), accountId, verdict));
        AllureReport.evidence(reported);
        return reported;
    }

    /**
     * The verdict of one assertion inside a check, as reported: its evidence attached. A waiver of the assertion's own
     * control does not apply: it accepts that control's result, not a check that uses it.
     */
    Verdict judged(ControlDefinition control, String accountId, Verdict verdict) {
        Verdict reported = Redactor.redact(verdict);
        AllureReport.evidence(reported);
        return reported;
    }

    /** A check's overall verdict, whose assertions attached their evidence: waived only by a waiver naming its control. */
    Verdict concluded(Optional<ControlDefinition> control, String accountId, Verdict verdict) {
        return Redactor.redact(control.map(definition -> waivers.apply(definition.id(), accountId, verdict)).orElse(verdict));
    }
}
