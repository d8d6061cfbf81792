package org.rootposture.settings;

/**
 * A setting is missing, unknown or has a value outside what it allows. The message names the setting as the user
 * wrote it, the value it was given and what is allowed.
 */
public final class SettingsException extends RuntimeException {

    private final boolean awsNotConfigured;

    public SettingsException(String message) {
        this(message, false);
    }

    private SettingsException(String message, boolean awsNotConfigured) {
        super(message);
        this.awsNotConfigured = awsNotConfigured;
    }

    /** Nothing tells Root Posture how to reach AWS (no region, say): what a first run without any AWS set-up meets. */
    static SettingsException awsNotConfigured(String message) {
        return new SettingsException(message, true);
    }

    /** Whether the run lacks any AWS configuration, so that a launcher can point to its demo. */
    public boolean awsNotConfigured() {
        return awsNotConfigured;
    }
}
