package dev.perfharness.cli.gatling;

import dev.perfharness.gatling.launch.GatlingOutcome;
import dev.perfharness.gatling.support.JobRequests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one leg measured: client-side distributions per request name (from Gatling's records),
 * WebSocket delivery latency (from the simulation), the service's own per-endpoint distributions for
 * the same window, named figures from the service's metrics (cache hit ratio, GC, allocation, heap per
 * connection), latency per window of a Redis outage, and the simulation's own totals.
 */
record LoadResult(LoadLeg leg, GatlingOutcome outcome, Map<String, Measured> client, Optional<Measured> delivery,
                  Map<String, Measured> server, Map<String, Double> figures, Map<String, Measured> outageWindows,
                  Map<String, Object> simulationTotals) {

    /** The main client-side measure: every request name but the helpers (starting pulls) when there are others. */
    Map<String, Measured> reportedClient() {
        Map<String, Measured> reported = new LinkedHashMap<>(client);
        if (reported.size() > 1) {
            reported.keySet().removeAll(JobRequests.SUPPORTING);
        }
        return reported;
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", leg.scenario().displayName());
        json.put("variant", leg.variant());
        json.put("repeat", leg.repeat());
        json.put("service_settings", leg.serviceSettings());
        json.put("knobs", leg.knobs());
        json.put("gatling_exit_code", outcome.exitCode());
        json.put("assertions", outcome.assertionResults());
        json.put("client", distributions(client));
        delivery.ifPresent(measured -> json.put("ws_delivery", measured.distribution().asJson()));
        json.put("server", distributions(server));
        json.put("figures", figures);
        if (!outageWindows.isEmpty()) {
            json.put("outage_windows", distributions(outageWindows));
        }
        json.put("simulation", simulationTotals);
        return json;
    }

    private static Map<String, Object> distributions(Map<String, Measured> measured) {
        Map<String, Object> json = new LinkedHashMap<>();
        measured.forEach((name, value) -> json.put(name, value.distribution().asJson()));
        return json;
    }
}
