package org.rootposture.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a non-compliant result matters: the product's one severity scale, critical to low. Allure's own severity
 * field has other words (blocker, critical, normal, minor); it carries the mapping only, so that Allure sorts and
 * charts by it, and is read back here.
 *
 * <pre>
 * Severity.HIGH.allureLevel();              // "critical"
 * Severity.ofAllureLevel("critical");        // Optional[HIGH]
 * Severity.parse("high");                    // HIGH
 * </pre>
 */
public enum Severity {
    CRITICAL("blocker"), HIGH("critical"), MEDIUM("normal"), LOW("minor");

    private final String allureLevel;

    Severity(String allureLevel) {
        this.allureLevel = allureLevel;
    }

    /** The value of Allure's severity label for this severity. */
    public String allureLevel() {
        return allureLevel;
    }

    /** The word an auditor reads: critical, high, medium or low. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity whose Allure level this is; Allure's {@code trivial} reads as LOW, anything else as empty. */
    public static Optional<Severity> ofAllureLevel(String level) {
        if ("trivial".equals(level)) {
            return Optional.of(LOW);
        }
        return Arrays.stream(values()).filter(severity -> severity.allureLevel.equals(level)).findFirst();
    }

    /** Parses critical, high, medium or low in any case; anything else is an {@link IllegalArgumentException} naming the value. */
    public static Severity parse(String value) {
        return Arrays.stream(values()).filter(severity -> severity.name().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a severity; it allows critical, high, medium or low"));
    }

    /** Whether a finding of this severity is at or above the threshold. */
    public boolean reaches(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
