package org.rootposture.contract;

/**
 * The names under which a posture result carries what it is about in its Allure result: labels for the control and
 * its verdict, parameters for the account and region. The framework writes them; {@link PostureResults} reads them.
 *
 * <pre>
 * {"labels": [{"name": "control", "value": "root.mfa.hardware"}, {"name": "verdict", "value": "FAIL"}, ...],
 *  "parameters": [{"name": "account", "value": "222222222222"}, {"name": "accountName", "value": "payments"}, ...]}
 * </pre>
 */
public final class PostureLabels {

    /** Label: the control id. */
    public static final String CONTROL = "control";

    /** Label: the {@link ReportVerdict} name. */
    public static final String VERDICT = "verdict";

    /** Label: one CIS reference, such as {@code v5.0.0:1.5}; one label per reference. */
    public static final String CIS = "cis";

    /** Label: the account's place in the organization, such as {@code Root/Production/Payments}. */
    public static final String OU = "ou";

    /** Allure's own severity label, whose value is {@link Severity#allureLevel()}. */
    public static final String SEVERITY = "severity";

    /** Parameter: the 12-digit account id. */
    public static final String ACCOUNT = "account";

    /** Parameter: the account's name, or its id. */
    public static final String ACCOUNT_NAME = "accountName";

    /** Parameter: the region of a per-region control. */
    public static final String REGION = "region";

    private PostureLabels() {
    }
}
