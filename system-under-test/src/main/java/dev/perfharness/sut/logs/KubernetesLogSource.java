package dev.perfharness.sut.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.Json;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.URLUtils;
import io.fabric8.kubernetes.client.utils.URLUtils.URLBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Pod logs from a Kubernetes API through the fabric8 client ({@code logs.source=kubernetes}), as the
 * seed's handler reads them through client-go.
 *
 * <p>Discovery lists the namespace's pods labelled {@code job-name=<job>} (the label the Job controller
 * sets) and takes the newest one whose containers have started: Pending pods have no log yet.
 */
public final class KubernetesLogSource implements LogSource {
    /** Phases in which a pod's containers have started, so its log can be read. */
    private static final Set<String> PHASES_WITH_LOGS = Set.of("Running", "Succeeded", "Failed");
    /** Enough of an error response for the API's Status message. */
    private static final int ERROR_BODY_BYTES = 4096;

    private final KubernetesClient client;

    public KubernetesLogSource(Config config) {
        this.client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public Optional<String> findJobPod(String namespace, String job) {
        try {
            return client.pods().inNamespace(namespace).withLabel(JOB_LABEL, job).list().getItems().stream()
                    .filter(pod -> pod.getStatus() != null && PHASES_WITH_LOGS.contains(pod.getStatus().getPhase()))
                    .max(Comparator.comparing(KubernetesLogSource::createdAt))
                    .map(pod -> pod.getMetadata().getName());
        } catch (KubernetesClientException e) {
            throw new LogSourceException("listing pods of job %s in namespace %s failed: %s".formatted(job, namespace, e.getMessage()), e);
        }
    }

    /**
     * {@code GET /api/v1/namespaces/{ns}/pods/{pod}/log?follow=true}, through the client's own HTTP client
     * (its authentication, TLS and retries) rather than {@code watchLog()}: in fabric8 7.4 that hands an
     * error response's body over as if it were the log (a missing pod would stream its 404 Status and end
     * normally), and it first waits for the pod to be Ready through an informer of its own.
     */
    @Override
    public InputStream openLog(LogTarget target, OptionalInt tailLines) {
        URLBuilder url = new URLBuilder(URLUtils.join(client.getMasterUrl().toString(),
                "api", "v1", "namespaces", target.namespace(), "pods", target.pod(), "log"));
        url.addQueryParameter("follow", "true");
        target.container().ifPresent(container -> url.addQueryParameter("container", container));
        tailLines.ifPresent(lines -> url.addQueryParameter("tailLines", Integer.toString(lines)));
        HttpClient http = client.getHttpClient();
        CompletableFuture<HttpResponse<InputStream>> response = http.sendAsync(http.newHttpRequestBuilder().url(url.build()).build(), InputStream.class);
        HttpResponse<InputStream> answer;
        try {
            answer = response.get();
        } catch (InterruptedException e) {
            // The stream was stopped while the API had not answered: drop the answer when it comes.
            response.thenAccept(late -> closeQuietly(late.body()));
            Thread.currentThread().interrupt();
            throw new LogSourceException("interrupted opening the log of pod " + describe(target), e);
        } catch (ExecutionException e) {
            throw new LogSourceException("opening the log of pod %s failed: %s".formatted(describe(target), e.getCause().getMessage()), e.getCause());
        }
        if (!answer.isSuccessful()) {
            String reason = apiMessage(answer.body());
            throw new LogSourceException("the Kubernetes API refused the log of pod %s: %d %s".formatted(describe(target), answer.code(), reason));
        }
        return answer.body();
    }

    @Override
    public void close() {
        client.close();
    }

    private static String createdAt(Pod pod) {
        String timestamp = pod.getMetadata().getCreationTimestamp();
        // RFC 3339 timestamps in UTC, as the API server writes them, sort as text.
        return timestamp == null ? "" : timestamp;
    }

    private static String describe(LogTarget target) {
        return target.pod() + target.container().map(name -> " container " + name).orElse("") + " in namespace " + target.namespace();
    }

    /** The {@code message} of the API's Status object, or the start of whatever else it sent. */
    private static String apiMessage(InputStream body) {
        try (body) {
            byte[] start = body.readNBytes(ERROR_BODY_BYTES);
            try {
                JsonNode message = Json.MAPPER.readTree(start).path("message");
                if (message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // Not a Status object: fall through to the text.
            }
            return new String(start, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no readable body: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Abandoned: nobody reads it.
        }
    }
}
