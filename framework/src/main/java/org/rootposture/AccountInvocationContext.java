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
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.report.AllureReport;

/**
 * One invocation of a {@link ForEachAccount} method for one account: injects the {@link AwsAccount}, labels the
 * report, takes the verdict of the method's built-in control (which the run's readers judged ahead, see
 * {@link Run#judge}) before its body (which runs only on PASS, on the thread JUnit runs the test on), runs the body as
 * one {@link InvocationCheck}, and ends the test with the verdict.
 */
final class AccountInvocationContext implements TestTemplateInvocationContext {

    private final AwsAccount account;
    private final Optional<String> region;
    private final ControlUse control;
    private final Run run;

    AccountInvocationContext(AwsAccount account, Optional<String> region, ControlUse control, Run run) {
        this.account = account;
        this.region = region;
        this.control = control;
        this.run = run;
    }

    /** {@code root.mfa.hardware · 222222222222 · prod-payments · eu-west-1}: what the result is about, in any JUnit view. */
    @Override
    public String getDisplayName(int invocationIndex) {
        String where = region.map(r -> account.displayName() + " · " + r).orElse(account.displayName());
        return control.definition().map(definition -> definition.id() + " · " + where).orElse(where);
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new AccountParameter(), new ControlEvaluation());
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
            Method method = invocationContext.getExecutable();
            run.report().start(new AllureReport.Subject(control.definition(), control.builtIn().isPresent(),
                    method.getDeclaringClass().getName() + "#" + method.getName(), account.id(), account.name().orElse(account.id()), region,
                    run.place(account.id())));
            VerdictRecorder recorder = run.recorder();
            Optional<Verdict> decided = control.builtIn().map(builtIn -> recorder.decided(builtIn.definition(), account.id(),
                    run.verdict(control, account, region)));
            if (decided.isPresent() && (decided.get().outcome() != Outcome.PASS)) {
                invocation.skip();
                JUnitOutcome.conclude(decided.get());
                return;
            }
            Verdict body = new InvocationCheck(recorder).run(invocation);
            JUnitOutcome.conclude(decided.isPresent() && body.outcome() == Outcome.PASS ? decided.get()
                    : recorder.concluded(control.definition(), account.id(), body));
        }
    }
}
