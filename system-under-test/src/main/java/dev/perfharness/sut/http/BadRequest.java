package dev.perfharness.sut.http;

/** A request the service refuses with 400, naming the parameter and the value it was given. */
public final class BadRequest extends RuntimeException {
    private final String parameter;
    private final String value;

    public BadRequest(String parameter, String value, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    /** As given; null when the parameter was missing. */
    public String value() {
        return value;
    }
}
