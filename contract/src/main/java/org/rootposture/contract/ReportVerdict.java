package org.rootposture.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A result's verdict wherever it appears, defined once: the four verdicts of a control plus WAIVED, a FAIL accepted as
 * a risk. For each: the auditor's word, the JUnit outcome and Allure status it travels as, the first words of its
 * message, its Allure category, its matrix cell and how bad it is next to the others. The framework writes the verdict
 * as the Allure label {@value PostureLabels#VERDICT}; every reader (runner, report, progress line, benchmark) reads it
 * back through {@link #of(String, String, String)}.
 *
 * <pre>
 * ReportVerdict.of("FAIL", "failed", "No SCP in effect denies every action by the root user.")   // FAIL
 * ReportVerdict.of(null, "broken", "NullPointerException")                                        // UNABLE_TO_ASSESS (a test defect)
 * </pre>
 */
public enum ReportVerdict {

    PASS("Compliant", "passed", "", "PASS",
            "evidence read, requirement met"),
    FAIL("Non-compliant", "failed", "", "FAIL",
            "evidence read, requirement not met; the message names the finding"),
    UNABLE_TO_ASSESS("Unable to assess", "broken", "Unable to assess: ", "UNABLE",
            "the evidence could not be read or trusted (the message names the AWS call and error); never counted as compliant"),
    NOT_APPLICABLE("Not applicable", "skipped", "Not applicable: ", "N/A",
            "the requirement cannot apply to this account; the message says why"),
    WAIVED("Waived", "skipped", "Waived until ", "WAIVED",
            "non-compliant, but accepted as a risk by a named approver until the waiver's expiry date; the message quotes the waiver");

    private final String label;
    private final String allureStatus;
    private final String messagePrefix;
    private final String cell;
    private final String meaning;

    ReportVerdict(String label, String allureStatus, String messagePrefix, String cell, String meaning) {
        this.label = label;
        this.allureStatus = allureStatus;
        this.messagePrefix = messagePrefix;
        this.cell = cell;
        this.meaning = meaning;
    }

    /** The auditor's word, such as "Non-compliant"; for all but PASS also the name of its Allure category. */
    public String label() {
        return label;
    }

    /** The Allure status a result with this verdict has: passed, failed, broken or skipped. */
    public String allureStatus() {
        return allureStatus;
    }

    /** How the result's message starts, such as "Not applicable: "; empty for PASS and FAIL. */
    public String messagePrefix() {
        return messagePrefix;
    }

    /** What a matrix cell shows: PASS, FAIL, UNABLE, N/A or WAIVED. */
    public String cell() {
        return cell;
    }

    /** One line saying what the verdict means. */
    public String meaning() {
        return meaning;
    }

    /** Whether a result with this verdict counts as compliant: PASS, NOT_APPLICABLE and WAIVED do. */
    public boolean compliant() {
        return this == PASS || this == NOT_APPLICABLE || this == WAIVED;
    }

    /** How bad the verdict is beside others, for a cell or a check holding several: the worst is shown. */
    public int weight() {
        return switch (this) {
            case FAIL -> 4;
            case UNABLE_TO_ASSESS -> 3;
            case WAIVED -> 2;
            case NOT_APPLICABLE -> 1;
            case PASS -> 0;
        };
    }

    /**
     * The verdict of an Allure result: its {@value PostureLabels#VERDICT} label where the framework wrote one, else read
     * from its status and message. A broken result without the label is a defect of the test itself: the control was
     * not assessed, so it reads as UNABLE_TO_ASSESS.
     *
     * @param label   the result's verdict label, or {@code null}
     * @param status  the Allure status
     * @param message the status message, or {@code null}
     */
    public static ReportVerdict of(String label, String status, String message) {
        Optional<ReportVerdict> labelled = Arrays.stream(values()).filter(verdict -> verdict.name().equals(label)).findFirst();
        if (labelled.isPresent()) {
            return labelled.get();
        }
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "passed" -> PASS;
            case "failed" -> FAIL;
            case "skipped" -> startsWith(message, WAIVED) ? WAIVED : NOT_APPLICABLE;
            default -> UNABLE_TO_ASSESS;
        };
    }

    /**
     * The verdict of a finished JUnit test: successful is PASS; aborted is WAIVED when its message starts as a waiver's,
     * else NOT_APPLICABLE; failed with an {@link AssertionError} is FAIL, failed otherwise UNABLE_TO_ASSESS.
     *
     * @param junitStatus the name of JUnit's {@code TestExecutionResult.Status}: SUCCESSFUL, ABORTED or FAILED
     * @param thrown      what the test threw, or {@code null}
     */
    public static ReportVerdict ofJUnit(String junitStatus, Throwable thrown) {
        return switch (junitStatus) {
            case "SUCCESSFUL" -> PASS;
            case "ABORTED" -> thrown != null && startsWith(thrown.getMessage(), WAIVED) ? WAIVED : NOT_APPLICABLE;
            default -> thrown instanceof AssertionError ? FAIL : UNABLE_TO_ASSESS;
        };
    }

    private static boolean startsWith(String message, ReportVerdict verdict) {
        return message != null && message.stripLeading().startsWith(verdict.messagePrefix);
    }
}
