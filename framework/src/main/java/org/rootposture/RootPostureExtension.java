package org.rootposture;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.rootposture.internal.evidence.SnapshotException;
import org.rootposture.settings.SettingsException;
import org.rootposture.settings.SettingsReader;

/**
 * Expands {@link ForEachAccount} methods into one invocation per target account. Before a posture class runs, each of
 * its methods is checked for misuse (a {@link Control} that would never run, an unknown or doubled control
 * annotation), which fails the class with the method named. The run (settings, sessions, targets) is built once per
 * JUnit run in the root store; a failure to build it fails every posture test with the same sentence, naming its
 * cause, before any AWS evidence is read.
 */
final class RootPostureExtension implements BeforeAllCallback, TestTemplateInvocationContextProvider, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RootPostureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Method method : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), Control.class, HierarchyTraversalMode.TOP_DOWN)) {
            if (!AnnotationSupport.isAnnotated(method, ForEachAccount.class)) {
                throw new ExtensionConfigurationException("Root Posture configuration: @Control on [" + method + "] never runs:"
                        + " add @ForEachAccount so that it runs once per account");
            }
        }
        for (Method method : AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), ForEachAccount.class, HierarchyTraversalMode.TOP_DOWN)) {
            try {
                ControlUse.of(method);
            } catch (ExtensionConfigurationException e) {
                throw new ExtensionConfigurationException("Root Posture configuration: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, ForEachAccount.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ControlUse control = ControlUse.of(method);
        Run run = run(context);
        run.judge(Stream.concat(Stream.of(control), controlsOf(context.getRequiredTestClass())).toList());
        return Stream.concat(
                run.accounts().stream().flatMap(account -> invocations(run, account, control)),
                run.skipped().stream().map(skipped -> new SkippedAccountInvocationContext(skipped, control, run)));
    }

    /** The controls of the class's posture methods, whose built-in ones can be judged while this method runs. */
    private static Stream<ControlUse> controlsOf(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedMethods(testClass, ForEachAccount.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .map(ControlUse::of);
    }

    private static Stream<TestTemplateInvocationContext> invocations(Run run, AwsAccount account, ControlUse control) {
        return run.regions(control, account).stream().map(region -> new AccountInvocationContext(account, region, control, run));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsAccount.class
                && !AnnotationSupport.isAnnotated(parameter.getDeclaringExecutable(), ForEachAccount.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        throw new ParameterResolutionException("Parameter [" + parameter.getParameter() + "] of method ["
                + parameter.getDeclaringExecutable().getName() + "] is an AwsAccount, which only a @ForEachAccount method "
                + "(or one carrying a built-in control annotation) receives");
    }

    private static Run run(ExtensionContext context) {
        RunOrFailure run = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunOrFailure.class, key -> RunOrFailure.start(context), RunOrFailure.class);
        return run.get();
    }

    /** The run, or the sentence that explains why it could not start; remembered so that every test reports the same. */
    private record RunOrFailure(Run run, RuntimeException failure) implements AutoCloseable {

        static RunOrFailure start(ExtensionContext context) {
            try {
                return new RunOrFailure(new Run(SettingsReader.fromEnvironment(context::getConfigurationParameter), Clock.systemUTC()), null);
            } catch (SettingsException e) {
                return new RunOrFailure(null, new ExtensionConfigurationException("Root Posture settings: " + e.getMessage(), e));
            } catch (SnapshotException e) {
                return new RunOrFailure(null, new ExtensionConfigurationException("Root Posture " + e.getMessage(), e));
            } catch (RuntimeException e) {
                return new RunOrFailure(null, new ExtensionConfigurationException(
                        "Root Posture cannot determine the accounts to check: " + e.getMessage(), e));
            }
        }

        Run get() {
            if (failure != null) {
                throw failure;
            }
            return run;
        }

        @Override
        public void close() {
            if (run != null) {
                run.close();
            }
        }
    }
}
