package org.rootposture.settings;

/**
 * A setting is missing, unknown or has a value outside what it allows. The message names the setting,
 * the value it was given and what is allowed.
 */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }
}
