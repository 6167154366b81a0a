package dev.perfharness.sut.images;

/** A build the engine could not do, or could not be asked to do; {@link #status()} is the HTTP answer. */
public final class BuildFailure extends RuntimeException {
    private final int status;

    BuildFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** 503 when the engine lacks what the build needs (its base image), 502 when the engine failed the build. */
    public int status() {
        return status;
    }
}
