package org.rootposture.internal.waivers;

import java.time.LocalDate;

/**
 * One accepted risk: a control's FAIL in one account (or every account, {@code *}) is waived until a date, because
 * a named approver accepted it for a stated reason.
 *
 * <pre>
 * - control: root.mfa.hardware
 *   account: "222222222222"
 *   justification: Hardware keys for the payments break-glass root are on order (CHG-4711).
 *   approver: Jane Doe (CISO)
 *   expires: 2099-12-31
 * </pre>
 *
 * @param control       the control id
 * @param account       the 12-digit account id, or {@value #ANY_ACCOUNT}
 * @param justification why the risk is accepted
 * @param approver      who accepted it
 * @param expires       the last day the waiver holds
 * @param line          where the waiver starts in its file
 */
public record Waiver(String control, String account, String justification, String approver, LocalDate expires, int line) {

    /** The account value that waives the control in every account. */
    public static final String ANY_ACCOUNT = "*";

    /** Whether the waiver is about this control and account. */
    public boolean covers(String controlId, String accountId) {
        return control.equals(controlId) && (account.equals(ANY_ACCOUNT) || account.equals(accountId));
    }

    /** Whether the waiver no longer holds on {@code day}: it holds through its expiry date. */
    public boolean expiredOn(LocalDate day) {
        return day.isAfter(expires);
    }

    /** What the report says instead of a failure: {@code Waived until 2099-12-31 by Jane Doe (CISO): ...}. */
    public String sentence() {
        return "Waived until " + expires + " by " + approver + ": " + withStop(justification);
    }

    /** What the report adds to a failure after the waiver expired. */
    public String expiredNote(String file) {
        return "(The waiver expired on " + expires + "; it was approved by " + approver + " in " + file + " line " + line
                + ": " + withStop(justification) + ")";
    }

    private static String withStop(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }
}
