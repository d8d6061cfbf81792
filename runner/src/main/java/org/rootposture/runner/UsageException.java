package org.rootposture.runner;

/** The runner's command line or settings are wrong: exit code 3, with a sentence naming the option or setting. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
