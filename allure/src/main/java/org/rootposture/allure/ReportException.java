package org.rootposture.allure;

/**
 * The report could not be produced or is not fit to hand to an auditor. The message says what went wrong and
 * where; {@link ReportGenerator} prints it and exits non-zero.
 */
public class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
