package org.rootposture.contract;

import java.util.List;
import java.util.Optional;

/**
 * One result of a posture run as every reader sees it, read from its Allure result file by {@link PostureResults}.
 *
 * @param name        the result's name in the report
 * @param control     the control id; empty for a test that is not a control
 * @param title       the control's title (Allure story), or the control id
 * @param benchmark   the benchmark or policy (Allure epic)
 * @param section     the section within it (Allure feature)
 * @param severity    the control's severity, where the result has one
 * @param cis         its CIS references, such as {@code v5.0.0:1.5}
 * @param account     the account id; empty for a result about no account
 * @param accountName the account's name, or its id
 * @param region      the region of a per-region control; empty otherwise
 * @param ou          the account's place in the organization, where known; empty otherwise
 * @param verdict     the verdict
 * @param finding     the first line of the message, which names the finding in words shared by every account with it
 * @param detail      what follows it: the account's own facts (for a result the framework wrote, its status trace)
 * @param historyId   the result's identity across runs
 * @param stop        when it ended, epoch milliseconds
 */
public record PostureResult(String name, String control, String title, String benchmark, String section,
                            Optional<Severity> severity, List<String> cis, String account, String accountName,
                            String region, String ou, ReportVerdict verdict, String finding, String detail,
                            String historyId, long stop) {

    public PostureResult {
        cis = List.copyOf(cis);
    }

    /** Whether the result is about a control (built-in or a team's own {@code @Control}). */
    public boolean isControl() {
        return !control.isEmpty();
    }

    /** The finding without the verdict's message prefix ("Not applicable: ", "Unable to assess: "). */
    public String findingText() {
        String prefix = verdict.messagePrefix();
        return verdict != ReportVerdict.WAIVED && !prefix.isEmpty() && finding.startsWith(prefix)
                ? finding.substring(prefix.length()) : finding;
    }

    /** {@code 222222222222 · payments · eu-west-1}, the account and region it is about. */
    public String where() {
        String who = accountName.isEmpty() || accountName.equals(account) ? account : account + " · " + accountName;
        return region.isEmpty() ? who : who + " · " + region;
    }
}
