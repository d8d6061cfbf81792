package org.rootposture.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Refuses, before anything is sent, every AWS operation that is not an action of Root Posture's own audit policy
 * ({@value #POLICY}): read calls, {@code iam:GenerateCredentialReport} and opening audit sessions. Installed on
 * every SDK client the framework builds, including the clients teams get from {@code account.client(...)}.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    /** The least-privilege policy shipped in the framework jar. */
    public static final String POLICY = "/org/rootposture/policy/rootposture-audit-policy.json";

    private static final Map<String, String> ACTION_PREFIX = Map.of(
            "CloudWatchLogs", "logs",
            "CloudWatch", "cloudwatch",
            "CloudTrail", "cloudtrail",
            "EventBridge", "events");
    private static final Set<String> ALLOWED = policyActions();

    /** The actions of the audit policy, e.g. {@code iam:GetAccountSummary}. */
    public static Set<String> allowedActions() {
        return ALLOWED;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String action = action(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (!ALLOWED.contains(action)) {
            throw SdkClientException.create("Root Posture is read-only: " + action + " is not an action of its audit policy "
                    + POLICY + ", so it was not sent");
        }
    }

    static String action(String serviceName, String operationName) {
        return ACTION_PREFIX.getOrDefault(serviceName, serviceName.toLowerCase(Locale.ROOT)) + ":" + operationName;
    }

    private static Set<String> policyActions() {
        try (InputStream policy = ReadOnlyGuard.class.getResourceAsStream(POLICY)) {
            if (policy == null) {
                throw new IllegalStateException("the audit policy " + POLICY + " is missing from the framework jar");
            }
            return IamPolicy.fromJson(new String(policy.readAllBytes(), StandardCharsets.UTF_8)).statements().stream()
                    .map(IamStatement::actions)
                    .flatMap(actions -> actions.stream().map(IamAction::value))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit policy " + POLICY, e);
        }
    }
}
