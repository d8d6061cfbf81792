package org.rootposture.controls;

/**
 * Thrown for {@link Outcome#UNABLE_TO_ASSESS}: the evidence could not be read or trusted. Not an
 * {@link AssertionError}, so JUnit and Allure show the test as broken, never as passed or failed. It carries no stack
 * trace: its message says all there is to say.
 */
public final class UnableToAssessException extends RuntimeException {

    public UnableToAssessException(String message) {
        super(message, null, false, false);
    }
}
