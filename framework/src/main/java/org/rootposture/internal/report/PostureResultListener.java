package org.rootposture.internal.report;

import org.rootposture.contract.PostureLabels;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

/**
 * Gives every posture result its final shape as it is written. Allure's message is the first line, the finding, in
 * words shared by every account with it, so the report's categories group one finding across all accounts; what
 * follows, the account's own facts, becomes the trace shown beneath it. The account is one parameter, its id, not
 * also the method argument Allure's JUnit extension lists. Results that are not verdicts (a test that crashed) keep
 * their message and stack trace. Registered with Allure through {@code META-INF/services}.
 */
public final class PostureResultListener implements TestLifecycleListener {

    @Override
    public void beforeTestWrite(TestResult result) {
        boolean verdict = result.getLabels().stream().anyMatch(label -> PostureLabels.VERDICT.equals(label.getName()));
        if (!verdict) {
            return;
        }
        result.getParameters().removeIf(parameter -> PostureLabels.ACCOUNT.equals(parameter.getName())
                && !parameter.getValue().matches("\\d{12}"));
        StatusDetails details = result.getStatusDetails();
        if (details == null || details.getMessage() == null) {
            return;
        }
        String message = details.getMessage().strip();
        int newline = message.indexOf('\n');
        details.setMessage(newline < 0 ? message : message.substring(0, newline).strip());
        details.setTrace(newline < 0 ? null : message.substring(newline + 1).strip());
    }
}
