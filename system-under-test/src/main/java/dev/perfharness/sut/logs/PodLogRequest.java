package dev.perfharness.sut.logs;

import dev.perfharness.sut.logs.LogSource.LogTarget;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A validated {@code /ws/pod-logs?namespace=&pod=&job=&container=&tailLines=} query.
 *
 * @param pod        the pod to read; when empty, {@code job}'s pod is discovered
 * @param tailLines  the tail to request; empty reads the whole log
 */
record PodLogRequest(String namespace, Optional<String> pod, Optional<String> job, Optional<String> container, OptionalInt tailLines) {
    static final String NAMESPACE = "namespace";
    static final String POD = "pod";
    static final String JOB = "job";
    static final String CONTAINER = "container";
    static final String TAIL_LINES = "tailLines";
    /** Longer digit strings cannot be an int; checked before parsing so that parsing cannot overflow. */
    private static final int MAX_DIGITS = 10;

    /**
     * Validates a query; a pod, when given, wins over a job, as in the seed.
     *
     * @param parameters a query parameter's value by name, null when absent
     * @throws InvalidPodLogRequest naming the first parameter at fault
     */
    static PodLogRequest parse(Function<String, String> parameters, StreamRules rules) throws InvalidPodLogRequest {
        Optional<String> namespace = given(parameters, NAMESPACE);
        if (namespace.isEmpty()) {
            throw new InvalidPodLogRequest("namespace is required", NAMESPACE, Optional.empty());
        }
        Optional<String> pod = given(parameters, POD);
        Optional<String> job = given(parameters, JOB);
        if (pod.isEmpty() && job.isEmpty()) {
            throw new InvalidPodLogRequest("pod or job is required", POD, Optional.empty());
        }
        Optional<String> tail = given(parameters, TAIL_LINES);
        OptionalInt tailLines = tail.isPresent() ? OptionalInt.of(tailLines(tail.get(), rules)) : rules.defaultTail();
        return new PodLogRequest(namespace.get(), pod, job, given(parameters, CONTAINER), tailLines);
    }

    /** The log to open once the pod is known. */
    LogTarget target(String podName) {
        return new LogTarget(namespace, podName, container);
    }

    private static int tailLines(String text, StreamRules rules) throws InvalidPodLogRequest {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalidTail(text + " is not a positive whole number", text);
        }
        long value = text.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(text);
        if (value == 0) {
            throw invalidTail(text + " is not a positive whole number", text);
        }
        OptionalInt limit = rules.maxTailLines();
        if (limit.isPresent() && value > limit.getAsInt()) {
            throw invalidTail("%s is above the limit of %d".formatted(text, limit.getAsInt()), text);
        }
        if (value > Integer.MAX_VALUE) {
            throw invalidTail("%s is above the largest supported value, %d".formatted(text, Integer.MAX_VALUE), text);
        }
        return (int) value;
    }

    private static InvalidPodLogRequest invalidTail(String problem, String value) {
        return new InvalidPodLogRequest(TAIL_LINES + " " + problem, TAIL_LINES, Optional.of(value));
    }

    /** A parameter's value; absent or blank count as not given. */
    private static Optional<String> given(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
