package org.rootposture;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.rootposture.controls.ControlDefinition;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;
import org.rootposture.evidence.EvidenceUnavailableException;
import org.rootposture.report.AllureReport;

/**
 * One invocation of a {@link ForEachAccount} method for one account: injects the {@link AwsAccount}, labels the
 * report, and evaluates the method's built-in control before its body (which runs only on PASS).
 */
final class AccountInvocationContext implements TestTemplateInvocationContext {

    private final AwsAccount account;
    private final Optional<String> region;
    private final ControlUse control;

    AccountInvocationContext(AwsAccount account, Optional<String> region, ControlUse control) {
        this.account = account;
        this.region = region;
        this.control = control;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return displayName();
    }

    private String displayName() {
        return region.map(r -> account.displayName() + " · " + r).orElse(account.displayName());
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new AccountParameter(), new ControlEvaluation());
    }

    private Verdict regionsUnknown() {
        Verdict verdict;
        try {
            verdict = Verdict.unableToAssess("No region of " + account.displayName() + " is enabled or configured, so a per-region control has nowhere to look.",
                    account.evidence().enabledRegions());
        } catch (EvidenceUnavailableException e) {
            verdict = Verdict.unableToAssess(e);
        }
        return account.record(control.builtIn().orElseThrow().definition(), verdict);
    }

    private final class AccountParameter implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == AwsAccount.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return account;
        }
    }

    private final class ControlEvaluation implements InvocationInterceptor {

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext extensionContext) throws Throwable {
            AllureReport.account(account.id(), account.name().orElse(account.id()), region);
            control.definition().ifPresent(definition -> AllureReport.control(definition, displayName()));
            if (control.builtIn().isPresent()) {
                Verdict verdict = control.perRegion() && region.isEmpty()
                        ? regionsUnknown()
                        : account.assess(control.builtIn().get(), control.contextFor(account, region));
                if (verdict.outcome() != Outcome.PASS) {
                    invocation.skip();
                    verdict.enforce(control.builtIn().get().definition());
                }
            }
            if (control.builtIn().isEmpty() && control.definition().isPresent()) {
                proceedJudging(invocation, control.definition().get());
            } else {
                invocation.proceed();
            }
        }

        /** Runs a team's own control: its body's failure is the control's FAIL, which the run's waivers may accept. */
        private void proceedJudging(Invocation<Void> invocation, ControlDefinition definition) throws Throwable {
            try {
                invocation.proceed();
            } catch (AssertionError failure) {
                String reason = String.valueOf(failure.getMessage());
                Verdict reported = account.record(definition, Verdict.fail(reason));
                if (reported.isWaived() || !reported.reason().equals(reason)) {
                    reported.enforce(definition);
                }
                throw failure;
            }
            account.record(definition, Verdict.pass("Every assertion of the check held for " + displayName() + "."));
        }
    }
}
