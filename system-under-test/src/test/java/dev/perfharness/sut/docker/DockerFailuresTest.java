package dev.perfharness.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.perfharness.sut.docker.DockerApiException.Reason;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DockerFailuresTest {
    private static final String ENGINE = "unix:///var/run/docker.sock";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DockerFailures failures = new DockerFailures(ENGINE);

    @Test
    void anEngineAnswerIsAnEngineErrorInTheEnginesWords() {
        DockerApiException failure = failures.map(DockerOperation.CREATE, TIMEOUT,
                new NotFoundException("Status 404: {\"message\":\"No such image: perf-harness/absent:1\"}\n"));

        assertThat(failure.reason()).isEqualTo(Reason.ENGINE_ERROR);
        assertThat(failure.operation()).isEqualTo(DockerOperation.CREATE);
        assertThat(failure).hasMessage("docker create failed at " + ENGINE + ": the engine answered 404: No such image: perf-harness/absent:1");
    }

    @Test
    void aConnectionRefusedInsideDockerJavasWrapperIsUnreachable() {
        DockerApiException failure = failures.map(DockerOperation.PING, TIMEOUT,
                new RuntimeException(new ConnectException("Connection refused")));

        assertThat(failure.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure).hasMessage("docker ping could not reach the engine at " + ENGINE + ": ConnectException: Connection refused");
    }

    @Test
    void aSocketReadTimeoutIsATimeout() {
        DockerApiException failure = failures.map(DockerOperation.STOP, TIMEOUT,
                new RuntimeException(new SocketTimeoutException("Read timed out")));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure).hasMessage("docker stop got no answer from " + ENGINE + " within 30s (its timeout)");
    }

    @Test
    void anAsyncCommandThatDidNotCompleteIsATimeout() {
        DockerApiException failure = failures.map(DockerOperation.WAIT, Duration.ofMillis(500), new TimeoutException("no completion"));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.getMessage()).contains("docker wait", "500ms");
    }

    @Test
    void anInterruptIsACancellation() {
        assertThat(failures.map(DockerOperation.LOGS, TIMEOUT, new InterruptedException()).reason()).isEqualTo(Reason.CANCELLED);
    }

    @Test
    void dockerJavasOwnErrorsAreEngineErrorsNamingTheirType() {
        DockerApiException failure = failures.map(DockerOperation.INSPECT, TIMEOUT, new DockerClientException("could not read the answer"));

        assertThat(failure.reason()).isEqualTo(Reason.ENGINE_ERROR);
        assertThat(failure).hasMessage("docker inspect failed at " + ENGINE + ": DockerClientException: could not read the answer");
    }

    @Test
    void aDockerApiExceptionFromANestedCallIsKept() {
        DockerApiException inner = failures.timedOut(DockerOperation.PULL, TIMEOUT, null);

        assertThat(failures.map(DockerOperation.BUILD, TIMEOUT, inner)).isSameAs(inner);
    }
}
