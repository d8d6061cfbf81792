package org.rootposture;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.TestAbortedException;
import org.rootposture.controls.Verdict;
import org.rootposture.report.AllureReport;
import org.rootposture.targets.Targets;

/**
 * An invocation for an account the organization lists but that cannot be checked (SUSPENDED, PENDING_CLOSURE): it
 * appears in the report as not applicable, with the reason, instead of silently disappearing.
 */
final class SkippedAccountInvocationContext implements TestTemplateInvocationContext {

    private final Targets.Skipped skipped;
    private final ControlUse control;

    SkippedAccountInvocationContext(Targets.Skipped skipped, ControlUse control) {
        this.skipped = skipped;
        this.control = control;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return skipped.target().displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of((BeforeEachCallback) this::skip);
    }

    private void skip(ExtensionContext context) {
        AllureReport.account(skipped.target().accountId(), skipped.target().name().orElse(skipped.target().accountId()), Optional.empty());
        control.definition().ifPresent(definition -> {
            AllureReport.control(definition, skipped.target().displayName());
            AllureReport.verdict(definition, skipped.target().accountId(), Verdict.notApplicable(skipped.reason() + "."));
        });
        throw new TestAbortedException("Not applicable: " + skipped.reason() + ".");
    }
}
