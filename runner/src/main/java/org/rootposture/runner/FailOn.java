package org.rootposture.runner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The severity from which a non-compliant result fails the pipeline ({@code --fail-on}), with the Allure severity
 * label each control severity is reported as: CRITICAL → blocker, HIGH → critical, MEDIUM → normal, LOW → minor.
 */
enum FailOn {
    CRITICAL("blocker"), HIGH("critical"), MEDIUM("normal"), LOW("minor");

    private final String allureLabel;

    FailOn(String allureLabel) {
        this.allureLabel = allureLabel;
    }

    static FailOn parse(String value) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new UsageException("--fail-on is '" + value + "', but it allows critical, high, medium or low"));
    }

    /**
     * The severity an Allure severity label stands for; a result without one (Allure's default) counts as MEDIUM,
     * an unknown label ({@code trivial}) as LOW.
     */
    static FailOn ofAllureLabel(Optional<String> label) {
        if (label.isEmpty()) {
            return MEDIUM;
        }
        return Arrays.stream(values()).filter(v -> v.allureLabel.equals(label.get())).findFirst().orElse(LOW);
    }

    /** Whether a failure of this severity is at or above the threshold. */
    boolean reaches(FailOn threshold) {
        return ordinal() <= threshold.ordinal();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
