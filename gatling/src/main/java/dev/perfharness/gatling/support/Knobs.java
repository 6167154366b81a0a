package dev.perfharness.gatling.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A simulation's settings, read from system properties ({@code -Dusers=20}) with a default each, so one
 * compiled simulation serves a seconds-long smoke run and a long measurement alike. A value that is not
 * what the knob takes stops the simulation before any load, naming the knob and the value.
 */
public final class Knobs {
    /** Where the service answers; the orchestrator sets it to the service it started. */
    public static final String BASE_URL = "baseUrl";
    /** How long the load lasts, in seconds. */
    public static final String DURATION = "duration";
    /** A folder for the simulation's own measurements (delivery latency, stream rates) beside Gatling's. */
    public static final String OUTPUT_DIR = "outputDir";

    private Knobs() {
    }

    public static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public static int positive(String name, int defaultValue) {
        String value = text(name, Integer.toString(defaultValue));
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the knob's name
        }
        throw new IllegalArgumentException("knob %s=%s: expected a positive whole number".formatted(name, value));
    }

    public static Duration seconds(String name, int defaultSeconds) {
        return Duration.ofSeconds(positive(name, defaultSeconds));
    }

    public static String baseUrl() {
        String url = text(BASE_URL, "http://127.0.0.1:8080");
        if (!url.startsWith("http://")) {
            throw new IllegalArgumentException("knob %s=%s: expected http://host:port".formatted(BASE_URL, url));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The WebSocket form of {@link #baseUrl()}. */
    public static String webSocketBaseUrl() {
        return "ws://" + baseUrl().substring("http://".length());
    }

    public static Duration duration(int defaultSeconds) {
        return seconds(DURATION, defaultSeconds);
    }

    public static Optional<Path> outputDir() {
        return Optional.ofNullable(System.getProperty(OUTPUT_DIR)).filter(value -> !value.isBlank()).map(Path::of);
    }
}
