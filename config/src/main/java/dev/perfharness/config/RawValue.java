package dev.perfharness.config;

/** A setting's text as given, with its origin, before it is parsed. */
public record RawValue(Setting setting, String text, Origin origin) {

    SettingsException invalid(String expectation) {
        return new SettingsException("%s = \"%s\" (from %s): %s".formatted(setting.key(), text, origin, expectation));
    }
}
