package org.rootposture.internal.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.rootposture.settings.Setting;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The total time one account's AWS calls may take ({@code rootposture.account-budget}): every call, retries
 * included, adds its duration; once the sum exceeds the budget, further calls for the account are refused before
 * they are sent, so a slow or throttled account cannot hold the run up, and its controls end UNABLE_TO_ASSESS with
 * a sentence naming the budget.
 */
final class AccountBudget implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("rootposture.budget.started");

    private final Duration budget;
    private final AtomicLong spentNanos = new AtomicLong();

    AccountBudget(Duration budget) {
        this.budget = budget;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Duration spent = Duration.ofNanos(spentNanos.get());
        if (spent.compareTo(budget) > 0) {
            throw SdkClientException.create("the account's calls have taken " + Duration.ofMillis(spent.toMillis())
                    + ", more than its budget " + Setting.ACCOUNT_BUDGET.property() + "=" + budget + ", so no further call for it is sent");
        }
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        spend(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        spend(attributes);
    }

    private void spend(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            spentNanos.addAndGet(System.nanoTime() - started);
        }
    }
}
