package dev.perfharness.sut.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.config.DockerSettings.DockerClientVariant;
import dev.perfharness.config.WorkerSettings;
import dev.perfharness.config.WorkerSettings.WorkerVariant;
import dev.perfharness.env.RequiresDocker;
import dev.perfharness.sut.ServiceClient;
import dev.perfharness.sut.docker.DockerApi;
import dev.perfharness.sut.docker.DockerApis;
import dev.perfharness.sut.docker.DockerTestSettings;
import dev.perfharness.sut.docker.EngineUnderTest;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.metrics.ServiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Container runs over HTTP against the real engine, on each worker pool variant: runs complete with their
 * output, a full queue is refused, and a shutdown ends every run it was given. Busybox with host
 * networking; containers are named {@code ph-test-...} and any a test leaves behind are removed after it.
 */
@RequiresDocker
class ContainerRunsContainerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EngineUnderTest engine;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final RecordingOutput output = new RecordingOutput();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ContainerRuns runs;
    private ServiceClient http;

    @BeforeAll
    static void findEngine() {
        engine = EngineUnderTest.find();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        assertThat(engine.removeLeftovers()).as("containers the runs left on the engine").isZero();
        metrics.close();
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void runsCompleteWithTheirOutputAndExitCodes(WorkerVariant variant) throws Exception {
        start(variant, 2, 10);
        List<String> ok = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ok.add(submit("{\"command\":[\"sh\",\"-c\",\"echo run " + i + "; echo warning " + i + " >&2\"]}"));
        }
        String failing = submit("{\"image\":\"" + engine.busybox() + "\",\"command\":[\"sh\",\"-c\",\"echo before; exit 3\"]}");

        for (int i = 0; i < ok.size(); i++) {
            JsonNode run = awaitEnded(ok.get(i));
            assertThat(run.get("status").asText()).isEqualTo("completed");
            assertThat(run.get("exit_code").asInt()).isZero();
            assertThat(run.get("error").isNull()).isTrue();
            assertThat(texts(run.get("output"))).containsExactlyInAnyOrder("run " + (i + 1), "warning " + (i + 1));
            assertThat(run.get("queued_at").asText()).isNotEmpty();
            assertThat(run.get("started_at").asText()).isGreaterThanOrEqualTo(run.get("queued_at").asText());
            assertThat(run.get("finished_at").asText()).isGreaterThanOrEqualTo(run.get("started_at").asText());
        }
        JsonNode failed = awaitEnded(failing);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("exit_code").asInt()).isEqualTo(3);
        assertThat(failed.get("error").asText()).isEqualTo("the command exited with code 3");
        assertThat(texts(failed.get("output"))).containsExactly("before");
        assertThat(runCount("completed")).isEqualTo(3.0);
        assertThat(runCount("failed")).isEqualTo(1.0);
        assertThat(metrics.registry().get("container.run.duration").tag("outcome", "completed").timer().count()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void aFullQueueIsA503NamingItsSizeAndShutdownThenEndsWhatWasAccepted(WorkerVariant variant) {
        start(variant, 1, 1);
        String running = submit("{\"command\":[\"sleep\",\"60\"]}");
        String queued = submit("{\"command\":[\"sleep\",\"60\"]}");

        HttpResponse<String> refused = http.post(ContainerRuns.SUBMIT_PATH, "{\"command\":[\"sleep\",\"60\"]}");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode body = json(refused.body());
        assertThat(body.get("queue_size").asInt()).isEqualTo(1);
        assertThat(body.get("workers").asInt()).isEqualTo(1);
        assertThat(body.get("error").asText()).contains("workers.queue=1");
        assertThat(metrics.registry().get("container.runs.queue.depth").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.registry().get("container.runs.rejected").tag("reason", "queue_full").counter().count()).isEqualTo(1.0);

        await().atMost(WAIT).until(() -> status(running).equals("running"));
        runs.shutdown(Duration.ofMillis(200));

        assertThat(run(running).get("status").asText()).isEqualTo("cancelled");
        assertThat(run(running).get("error").asText()).isEqualTo("the service shut down while the run was running");
        assertThat(run(queued).get("status").asText()).isEqualTo("cancelled");
        assertThat(run(queued).get("error").asText()).isEqualTo("the service shut down before the run started");
        assertThat(run(queued).get("started_at").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(WorkerVariant.class)
    void shutdownLetsARunningRunFinishWithinTheGraceAndCancelsTheQueuedOnes(WorkerVariant variant) {
        start(variant, 1, 5);
        String running = submit("{\"command\":[\"sh\",\"-c\",\"sleep 1; echo drained\"]}");
        List<String> queued = List.of(submit("{\"command\":[\"echo\",\"never\"]}"), submit("{\"command\":[\"echo\",\"never\"]}"));
        await().atMost(WAIT).until(() -> status(running).equals("running"));

        runs.shutdown(WAIT);

        JsonNode drained = run(running);
        assertThat(drained.get("status").asText()).isEqualTo("completed");
        assertThat(texts(drained.get("output"))).containsExactly("drained");
        for (String id : queued) {
            assertThat(run(id).get("status").asText()).isEqualTo("cancelled");
            assertThat(output.lines(id)).isEmpty();
        }
        assertThat(runCount("cancelled")).isEqualTo(2.0);
        HttpResponse<String> late = http.post(ContainerRuns.SUBMIT_PATH, "{\"command\":[\"echo\",\"late\"]}");
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).contains("shutting down");
    }

    @Test
    void anImageTheEngineLacksFailsTheRunWithoutAPull() {
        start(WorkerVariant.FIXED_POOL, 1, 1);

        JsonNode run = awaitEnded(submit("{\"image\":\"perf-harness/absent-image:1\",\"command\":[\"true\"]}"));

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("exit_code").isNull()).isTrue();
        assertThat(run.get("error").asText()).startsWith("docker create failed at " + engine.address())
                .contains("No such image: perf-harness/absent-image:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"command\":\"echo hi\"}", "{\"command\":[]}", "{\"command\":[\"sh\",1]}",
        "{\"command\":[\"true\"],\"image\":\"Bad Image!\"}", "{\"command\":[\"true\"],\"image\":7}", "{\"command\":[\"true\"],\"user\":\"root\"}"})
    void aBadRunRequestIsA400NamingTheValue(String body) {
        start(WorkerVariant.FIXED_POOL, 1, 1);

        HttpResponse<String> response = http.post(ContainerRuns.SUBMIT_PATH, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response.body());
        assertThat(problem.get("error").asText()).isNotBlank();
        assertThat(problem.get("parameter").asText()).isNotBlank();
        assertThat(problem.has("value")).isTrue();
        assertThat(metrics.registry().get("container.runs").tag("outcome", "failed").counter().count()).isZero();
    }

    @Test
    void aTooLongCommandIsA400() {
        start(WorkerVariant.FIXED_POOL, 1, 1);

        HttpResponse<String> response = http.post(ContainerRuns.SUBMIT_PATH, "{\"command\":[\"sh\",\"-c\",\"" + "x".repeat(9_000) + "\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("parameter").asText()).isEqualTo("command");
    }

    @Test
    void anUnknownRunIsA404NamingItAndOtherMethodsAre405() {
        start(WorkerVariant.FIXED_POOL, 1, 1);

        HttpResponse<String> unknown = http.get(ContainerRuns.RUNS_PREFIX + "no-such-run");
        HttpResponse<String> getOnSubmit = http.get(ContainerRuns.SUBMIT_PATH);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).get("run_id").asText()).isEqualTo("no-such-run");
        assertThat(getOnSubmit.statusCode()).isEqualTo(405);
    }

    private void start(WorkerVariant variant, int workers, int queue) {
        try {
            DockerApi docker = DockerApis.create(
                    DockerTestSettings.of(DockerClientVariant.POOLED, Map.of()), engine.address(), metrics);
            resources.add(docker);
            runs = new ContainerRuns(new WorkerSettings(variant, workers, queue), docker, output, engine.busybox(), metrics, engine.namePrefix());
            resources.add(runs);
            RunsServer server = new RunsServer(runs);
            resources.add(server);
            http = server.http();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the container run routes", e);
        }
    }

    private String submit(String body) {
        HttpResponse<String> response = http.post(ContainerRuns.SUBMIT_PATH, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = json(response.body());
        assertThat(accepted.get("status").asText()).isEqualTo("queued");
        String id = accepted.get("run_id").asText();
        assertThat(response.headers().firstValue("Location")).hasValue(ContainerRuns.RUNS_PREFIX + id);
        return id;
    }

    private JsonNode awaitEnded(String id) {
        await().atMost(WAIT).until(() -> List.of("completed", "failed", "cancelled").contains(status(id)));
        return run(id);
    }

    private String status(String id) {
        return run(id).get("status").asText();
    }

    private JsonNode run(String id) {
        HttpResponse<String> response = http.get(ContainerRuns.RUNS_PREFIX + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private double runCount(String outcome) {
        return metrics.registry().get("container.runs").tag("outcome", outcome).counter().count();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
