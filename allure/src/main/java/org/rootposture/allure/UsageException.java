package org.rootposture.allure;

/**
 * A command-line argument of {@link ReportGenerator} is missing or wrong. The message names the argument.
 */
public class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
