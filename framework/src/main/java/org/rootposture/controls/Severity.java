package org.rootposture.controls;

import io.qameta.allure.SeverityLevel;

/** How much a failing control matters, mapped onto Allure's severity levels. */
public enum Severity {
    CRITICAL(SeverityLevel.BLOCKER),
    HIGH(SeverityLevel.CRITICAL),
    MEDIUM(SeverityLevel.NORMAL),
    LOW(SeverityLevel.MINOR);

    private final SeverityLevel allure;

    Severity(SeverityLevel allure) {
        this.allure = allure;
    }

    public SeverityLevel allure() {
        return allure;
    }
}
