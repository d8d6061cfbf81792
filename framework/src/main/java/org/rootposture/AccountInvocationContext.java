package org.rootposture;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;
import org.rootposture.report.AllureReport;

/**
 * One invocation of a {@link ForEachAccount} method for one account: injects the {@link AwsAccount}, labels the
 * report, and evaluates the method's built-in control before its body (which runs only on PASS).
 */
final class AccountInvocationContext implements TestTemplateInvocationContext {

    private final AwsAccount account;
    private final ControlUse control;

    AccountInvocationContext(AwsAccount account, ControlUse control) {
        this.account = account;
        this.control = control;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return account.displayName();
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
            AllureReport.account(account.id(), account.name().orElse(account.id()));
            control.definition().ifPresent(definition -> AllureReport.control(definition, account.displayName()));
            if (control.builtIn().isPresent()) {
                Verdict verdict = account.assess(control.builtIn().get(), control.contextFor(account));
                if (verdict.outcome() != Outcome.PASS) {
                    invocation.skip();
                    verdict.enforce(control.builtIn().get().definition());
                }
            }
            invocation.proceed();
        }
    }
}
