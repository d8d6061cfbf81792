package org.rootposture;

/**
 * How much a non-compliant result matters, from critical to low: the one severity scale the report shows.
 *
 * <pre>
 * &#64;Control(id = "acme.root.break-glass", title = "Root only used in break-glass windows", severity = Severity.HIGH)
 * </pre>
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The same severity in the verdict contract every reader of the results shares. */
    public org.rootposture.contract.Severity level() {
        return org.rootposture.contract.Severity.valueOf(name());
    }
}
