package dev.perfharness.config;

/** A setting that is missing, unknown or malformed; the message names the key, the value and where it came from. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
