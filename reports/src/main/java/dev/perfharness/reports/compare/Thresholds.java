package dev.perfharness.reports.compare;

import dev.perfharness.reports.metrics.Kind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The threshold per metric kind, with defaults a user can override ({@code --threshold time=3%},
 * {@code --threshold allocation=1%,32}). The defaults are wider than the noise an A/A comparison showed
 * on a 2-core machine for each kind (README, "Trusting the gate").
 */
public final class Thresholds {
    private final Map<Kind, Threshold> byKind;

    private Thresholds(Map<Kind, Threshold> byKind) {
        this.byKind = byKind;
    }

    public static Thresholds defaults() {
        Map<Kind, Threshold> defaults = new EnumMap<>(Kind.class);
        defaults.put(Kind.TIME, new Threshold(0.05, 0));
        defaults.put(Kind.THROUGHPUT, new Threshold(0.05, 0));
        // 16 bytes is one small object: below it, JMH's per-operation figure moves with TLAB accounting.
        defaults.put(Kind.ALLOCATION, new Threshold(0.01, 16));
        defaults.put(Kind.LATENCY, new Threshold(0.10, 0));
        // Gatling records whole milliseconds: a shift under one is rounding.
        defaults.put(Kind.CLIENT_LATENCY, new Threshold(0.10, 1000));
        defaults.put(Kind.RATIO, new Threshold(0, 0.05));
        defaults.put(Kind.MEMORY, new Threshold(0.10, 0));
        defaults.put(Kind.ERRORS, new Threshold(0, 1));
        defaults.put(Kind.CAPACITY, new Threshold(0.05, 0));
        return new Thresholds(defaults);
    }

    public Threshold of(Kind kind) {
        Threshold threshold = byKind.get(kind);
        if (threshold == null) {
            throw new IllegalArgumentException("metrics of kind " + kind + " are not gated and have no threshold");
        }
        return threshold;
    }

    /** These thresholds with one kind's replaced, from {@code kind=REL%[,ABS]}; the error names the bad text. */
    public Thresholds with(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("a threshold is KIND=PERCENT%[,ABSOLUTE], e.g. time=5%, not \"" + assignment + "\"");
        }
        String name = assignment.substring(0, equals).trim();
        Kind kind = kind(name);
        String[] parts = assignment.substring(equals + 1).split(",", -1);
        if (parts.length > 2 || !parts[0].trim().endsWith("%")) {
            throw new IllegalArgumentException("a threshold is KIND=PERCENT%[,ABSOLUTE], e.g. time=5%, not \"" + assignment + "\"");
        }
        try {
            double relative = Double.parseDouble(parts[0].trim().replace("%", "")) / 100;
            double absolute = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : of(kind).absolute();
            Map<Kind, Threshold> changed = new EnumMap<>(byKind);
            changed.put(kind, new Threshold(relative, absolute));
            return new Thresholds(changed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a threshold's numbers do not parse in \"" + assignment + "\"");
        } catch (IllegalArgumentException e) {
            // A negative or NaN threshold: Threshold says what is wrong, this says where.
            throw new IllegalArgumentException(e.getMessage() + ", in \"" + assignment + "\"", e);
        }
    }

    private static Kind kind(String name) {
        for (Kind kind : Kind.values()) {
            if (kind.gated() && kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown metric kind \"" + name + "\" in a threshold; expected one of "
                + String.join(", ", Arrays.stream(Kind.values()).filter(Kind::gated)
                        .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
    }

    public Map<Kind, Threshold> asMap() {
        return Map.copyOf(byKind);
    }
}
