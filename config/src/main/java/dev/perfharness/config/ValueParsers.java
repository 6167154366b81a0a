package dev.perfharness.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns a setting's text into a typed value, or fails with a message that names the key, value and origin. */
final class ValueParsers {
    // Go-style durations ("500ms", "3s", "1m30s") because seed 001's variables use them (REDIS_READ_TIMEOUT=3s);
    // like Go's, they also take ns, us (or µs with either micro sign) and a bare 0.
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private ValueParsers() {
    }

    static Duration duration(RawValue raw) {
        return duration(raw, "not a duration; write it like 500ms, 3s, 2m or 1m30s");
    }

    /** A duration of work per operation, from none ({@code 0}) to {@code max}: 250ns, 2us, 1ms. */
    static Duration workDuration(RawValue raw, Duration max) {
        Duration duration = duration(raw, "not a duration; write it like 0, 250ns, 2us or 1ms");
        if (duration.compareTo(max) > 0) {
            throw raw.invalid("must be at most " + max.toString().substring("PT".length()).toLowerCase(Locale.ROOT));
        }
        return duration;
    }

    private static Duration duration(RawValue raw, String expectation) {
        String text = raw.text().trim().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us", "µs", "μs" -> Duration.of(amount, ChronoUnit.MICROS);
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = matcher.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw raw.invalid(expectation);
        }
        return total;
    }

    static Duration positiveDuration(RawValue raw) {
        Duration duration = duration(raw);
        if (duration.isZero()) {
            throw raw.invalid("must be longer than zero");
        }
        return duration;
    }

    static long longInteger(RawValue raw) {
        try {
            return Long.parseLong(raw.text().trim());
        } catch (NumberFormatException e) {
            throw raw.invalid("not a whole number");
        }
    }

    /** A share between 0 and 1 inclusive, written as 0.25 or 25%. */
    static double fraction(RawValue raw) {
        String text = raw.text().trim();
        double value;
        try {
            value = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw raw.invalid("not a number; write a share like 0.2 or 20%");
        }
        if (!(value >= 0 && value <= 1)) {
            throw raw.invalid("must be between 0 and 1 (or 0% and 100%)");
        }
        return value;
    }

    static int integer(RawValue raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw.text().trim());
        } catch (NumberFormatException e) {
            throw raw.invalid("not a whole number");
        }
        if (value < min || value > max) {
            throw raw.invalid("must be between %d and %d".formatted(min, max));
        }
        return value;
    }

    static boolean bool(RawValue raw) {
        return switch (raw.text().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw raw.invalid("not true or false");
        };
    }

    /** Matches an enum constant by its lower-case, dash-separated name ({@code ASIDE_SINGLEFLIGHT} is "aside-singleflight"). */
    static <E extends Enum<E>> E choice(RawValue raw, Class<E> type) {
        String wanted = raw.text().trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> label(constant).equals(wanted))
                .findFirst()
                .orElseThrow(() -> raw.invalid("expected one of " + Arrays.stream(type.getEnumConstants())
                        .map(ValueParsers::label).collect(Collectors.joining(", "))));
    }

    static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static HostAndPort hostAndPort(RawValue raw) {
        try {
            return HostAndPort.parse(raw.text());
        } catch (IllegalArgumentException e) {
            throw raw.invalid(e.getMessage());
        }
    }
}
