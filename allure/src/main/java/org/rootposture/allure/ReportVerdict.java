package org.rootposture.allure;

import java.util.Locale;

/**
 * How a result reads to an auditor: the four verdicts of a control plus WAIVED, a FAIL accepted as a risk. The
 * framework turns each verdict into an Allure status and message; {@link #of(String, String)} reads them back.
 *
 * <pre>
 * ReportVerdict.of("skipped", "Waived until 2027-03-31 by Jane Doe (CISO): ...")   // WAIVED
 * ReportVerdict.of("broken", "Unable to assess root.mfa.hardware: ...")            // UNABLE_TO_ASSESS
 * </pre>
 */
public enum ReportVerdict {

    PASS("Compliant", "passed", "evidence read, requirement met"),
    FAIL("Non-compliant", "failed", "evidence read, requirement not met; the message says what was found"),
    UNABLE_TO_ASSESS("Unable to assess", "broken",
            "the evidence could not be read or trusted (the message names the AWS call and error); never counted as compliant"),
    NOT_APPLICABLE("Not applicable", "skipped", "the requirement cannot apply to this account; the message says why"),
    WAIVED("Waived", "skipped",
            "non-compliant, but accepted as a risk by a named approver until the waiver's expiry date; the message quotes the waiver");

    /** The message prefix of a waived result. */
    public static final String WAIVED_PREFIX = "Waived";

    /** The message prefix of a result whose evidence could not be read. */
    public static final String UNABLE_PREFIX = "Unable to assess";

    private final String label;
    private final String allureStatus;
    private final String meaning;

    ReportVerdict(String label, String allureStatus, String meaning) {
        this.label = label;
        this.allureStatus = allureStatus;
        this.meaning = meaning;
    }

    /** The name an auditor reads, such as "Non-compliant"; for all but PASS also the Allure category. */
    public String label() {
        return label;
    }

    /** The Allure status a result with this verdict has. */
    public String allureStatus() {
        return allureStatus;
    }

    /** One line saying what the verdict means. */
    public String meaning() {
        return meaning;
    }

    /**
     * The verdict of an Allure result with this status and message. A broken result that is not "Unable to assess"
     * is a defect of the test itself; the control was not assessed, so it reads as UNABLE_TO_ASSESS.
     */
    public static ReportVerdict of(String status, String message) {
        String text = message == null ? "" : message.strip();
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "passed" -> PASS;
            case "failed" -> FAIL;
            case "skipped" -> text.startsWith(WAIVED_PREFIX) ? WAIVED : NOT_APPLICABLE;
            default -> UNABLE_TO_ASSESS;
        };
    }

    /** How bad the verdict is for a cell holding several results: the worst one is shown. */
    int weight() {
        return switch (this) {
            case FAIL -> 4;
            case UNABLE_TO_ASSESS -> 3;
            case WAIVED -> 2;
            case NOT_APPLICABLE -> 1;
            case PASS -> 0;
        };
    }
}
