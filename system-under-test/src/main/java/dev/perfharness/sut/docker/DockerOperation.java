package dev.perfharness.sut.docker;

import java.util.Locale;

/** The Docker calls the service makes, each in a timeout class of seed 002's table. */
public enum DockerOperation {
    PING(TimeoutClass.STOP),
    INSPECT(TimeoutClass.STOP),
    PULL(TimeoutClass.PULL),
    PUSH(TimeoutClass.PUSH),
    TAG(TimeoutClass.STOP),
    BUILD(TimeoutClass.BUILD),
    CREATE(TimeoutClass.START),
    START(TimeoutClass.START),
    WAIT(TimeoutClass.START),
    LOGS(TimeoutClass.START),
    STOP(TimeoutClass.STOP),
    REMOVE(TimeoutClass.STOP);

    /** Seed 002's operation types: start 2 min, stop 30 s, pull 5 min, build 15 min, push 10 min. */
    public enum TimeoutClass { START, STOP, PULL, BUILD, PUSH }

    private final TimeoutClass timeoutClass;

    DockerOperation(TimeoutClass timeoutClass) {
        this.timeoutClass = timeoutClass;
    }

    public TimeoutClass timeoutClass() {
        return timeoutClass;
    }

    /** The name in metrics and logs: {@code pull}, {@code create}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
