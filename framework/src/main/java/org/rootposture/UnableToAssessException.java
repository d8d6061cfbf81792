package org.rootposture;

/**
 * How a posture test ends whose verdict is UNABLE_TO_ASSESS: the evidence could not be read or trusted. Not an
 * {@link AssertionError}, so JUnit and Allure show the test as broken, never as passed or failed. It carries no stack
 * trace: its message says all there is to say.
 */
public final class UnableToAssessException extends RuntimeException {

    UnableToAssessException(String message) {
        super(message, null, false, false);
    }
}
