package org.rootposture.contract;

import java.util.Collection;

/**
 * What a pipeline stage exits with, from its results: a FAIL at or above the threshold severity decides first, then
 * any result that could not be assessed; passes, not applicable and waived results are compliant.
 *
 * <pre>
 * ExitCode.of(results, Severity.HIGH).code();   // 1 when a high or critical control is non-compliant
 * </pre>
 */
public enum ExitCode {
    COMPLIANT(0, "compliant"),
    NON_COMPLIANT(1, "non-compliant"),
    UNABLE_TO_ASSESS(2, "unable to assess"),
    CONFIGURATION_ERROR(3, "configuration error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit code of these results with {@code --fail-on threshold}. */
    public static ExitCode of(Collection<PostureResult> results, Severity threshold) {
        if (results.stream().anyMatch(result -> decides(result, threshold))) {
            return NON_COMPLIANT;
        }
        return results.stream().anyMatch(result -> result.verdict() == ReportVerdict.UNABLE_TO_ASSESS) ? UNABLE_TO_ASSESS : COMPLIANT;
    }

    /**
     * Whether this result makes the run non-compliant at the threshold: a FAIL whose severity reaches it; a FAIL
     * without a severity counts as MEDIUM.
     */
    public static boolean decides(PostureResult result, Severity threshold) {
        return result.verdict() == ReportVerdict.FAIL && result.severity().orElse(Severity.MEDIUM).reaches(threshold);
    }
}
