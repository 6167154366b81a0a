package dev.perfharness.sut.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A {@code /ws/pod-logs} query the service refuses with 400 before upgrading, naming the parameter at fault. */
final class InvalidPodLogRequest extends Exception {
    private final String parameter;
    private final Optional<String> value;

    InvalidPodLogRequest(String message, String parameter, Optional<String> value) {
        super(message, null, false, false);
        this.parameter = parameter;
        this.value = value;
    }

    String parameter() {
        return parameter;
    }

    Optional<String> value() {
        return value;
    }

    /** The 400 body: {@code {"error":"...","parameter":"tailLines","value":"20000"}}; no value when it was missing. */
    Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.put("parameter", parameter);
        value.ifPresent(given -> body.put("value", given));
        return body;
    }
}
