package dev.perfharness.cli.verdict;

/** An option's value is refused once it is read (a threshold that does not parse); exit 2 with the message. */
public final class OptionException extends RuntimeException {
    public OptionException(String message) {
        super(message);
    }
}
