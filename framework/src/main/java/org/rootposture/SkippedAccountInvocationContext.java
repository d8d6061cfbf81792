package org.rootposture;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.report.AllureReport;
import org.rootposture.internal.targets.Targets;

/**
 * An invocation for an account the organization lists but that cannot be checked (SUSPENDED, PENDING_CLOSURE): it
 * appears in the report as not applicable, with the reason, instead of silently disappearing.
 */
final class SkippedAccountInvocationContext implements TestTemplateInvocationContext {

    private final Targets.Skipped skipped;
    private final ControlUse control;
    private final Run run;

    SkippedAccountInvocationContext(Targets.Skipped skipped, ControlUse control, Run run) {
        this.skipped = skipped;
        this.control = control;
        this.run = run;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return control.definition().map(definition -> definition.id() + " · ").orElse("") + skipped.target().displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of((BeforeEachCallback) this::skip);
    }

    private void skip(ExtensionContext context) {
        String accountId = skipped.target().accountId();
        run.report().start(new AllureReport.Subject(control.definition(), control.builtIn().isPresent(),
                context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName(), accountId,
                skipped.target().name().orElse(accountId), Optional.empty(), run.place(accountId)));
        String reason = skipped.reason();
        Verdict verdict = Verdict.notApplicable("The account is not active in the organization, so it is not checked.\n"
                + Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
        JUnitOutcome.conclude(control.definition().map(definition -> run.recorder().decided(definition, accountId, verdict)).orElse(verdict));
    }
}
