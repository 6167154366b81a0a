package dev.perfharness.reports.targets;

/** A target's comparison operator. */
public enum Operator {
    LESS("<"), AT_MOST("<="), GREATER(">"), AT_LEAST(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LESS -> value < threshold;
            case AT_MOST -> value <= threshold;
            case GREATER -> value > threshold;
            case AT_LEAST -> value >= threshold;
        };
    }

    static Operator of(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("unknown operator \"" + symbol + "\"; expected <, <=, > or >=");
    }
}
