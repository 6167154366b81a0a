package dev.perfharness.gatling.support;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.gatling.javaapi.http.WsSendTextActionBuilder;
import io.gatling.javaapi.http.WsFrameCheck;
import java.util.Set;

/** The requests and WebSocket checks the simulations share: polling, starting pulls, watching jobs. */
public final class JobRequests {
    public static final String TALLY = "tally";
    public static final String START_PULL = "start-pull";
    public static final String SUBSCRIBE = "subscribe";
    public static final String AWAIT_UPDATES = "await-updates";
    public static final String SUBSCRIBED = "subscribed";
    /** Requests that set a measurement up rather than being it: a table leaves them out when there is more. */
    public static final Set<String> SUPPORTING = Set.of(START_PULL, SUBSCRIBE, AWAIT_UPDATES, SUBSCRIBED);

    private JobRequests() {
    }

    /** {@code GET /api/v1/images/pull-active}, the dashboard's poll. */
    public static HttpRequestActionBuilder activeJobs() {
        return http("pull-active").get("/api/v1/images/pull-active").check(status().is(200));
    }

    /** {@code GET /api/v1/images/pull-failed?limit=#{limit}}, named per limit so each has its own distribution. */
    public static HttpRequestActionBuilder failedJobs() {
        return http("pull-failed-limit-#{limit}").get("/api/v1/images/pull-failed?limit=#{limit}").check(status().is(200));
    }

    /** {@code POST /api/v1/images/pull}: a new simulated pull; its id is saved as {@code attribute}. */
    public static HttpRequestActionBuilder startPull(String attribute) {
        return http(START_PULL).post("/api/v1/images/pull")
                .body(StringBody(session -> "{\"image\":\"library/busybox:1." + session.userId() + "\"}"))
                .check(status().is(202), jsonPath("$.job_id").saveAs(attribute));
    }

    public static JobWatchTally tally(Session session) {
        return session.get(TALLY);
    }

    /**
     * A check that completes when every job the user's tally watches has ended. Its matching condition
     * sees each frame while it waits; the tally records each one's delivery latency as it arrives.
     */
    public static WsFrameCheck.Text untilWatchedJobsEnd(String name) {
        return ws.checkTextMessage(name)
                .matching(bodyString().transformWithSession((frame, session) -> tally(session).observe(frame)).is(true));
    }

    /**
     * Hands the frames that arrived while no check waited to the tally, so an update that came while the
     * watcher was busy elsewhere (starting its next pull) still counts; the tally ignores a version it has seen.
     */
    public static ActionBuilder observeUnmatched() {
        return ws.processUnmatchedMessages((messages, session) -> {
            for (WsInboundMessage message : messages) {
                if (message instanceof WsInboundMessage.Text text) {
                    tally(session).observe(text.message());
                }
            }
            return session;
        });
    }

    /** {@code {"type":"subscribed"}} for the job in {@code #{jobId}}; status frames meanwhile go to the tally. */
    public static WsFrameCheck.Text subscribed() {
        return ws.checkTextMessage(SUBSCRIBED)
                .matching(bodyString().transformWithSession((frame, session) -> {
                    tally(session).observe(frame);
                    return frame.contains("\"subscribed\"") && frame.contains(session.getString("jobId"));
                }).is(true));
    }

    /** Sends {@code {"action":"subscribe"}} for the job in {@code #{jobId}}, as the request {@code name}. */
    public static WsSendTextActionBuilder subscribe(String name) {
        return ws(name).sendText(session -> "{\"action\":\"subscribe\",\"job_id\":\"" + session.getString("jobId") + "\"}");
    }
}
