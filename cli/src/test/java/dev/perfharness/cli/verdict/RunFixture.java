package dev.perfharness.cli.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a run directory as {@code bin/harness run} does, with the JMH samples a test chooses: a
 * benchmark's two variants (so targets can compare them) and the run's manifest with its commit.
 */
final class RunFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode results = JSON.createArrayNode();
    private String commit = "0000000000000000000000000000000000000000";

    RunFixture commit(String commit) {
        this.commit = commit;
        return this;
    }

    /** A result with two forks of samples; the same {@code bytesPerOp} in every iteration. */
    RunFixture benchmark(String name, Map<String, String> params, double[][] forks, double bytesPerOp) {
        ObjectNode result = results.addObject();
        result.put("jmhVersion", "1.37");
        result.put("benchmark", "dev.perfharness.jmh." + name);
        result.put("mode", "avgt");
        ObjectNode paramNode = result.putObject("params");
        params.forEach(paramNode::put);
        ObjectNode primary = result.putObject("primaryMetric");
        primary.put("score", forks[0][0]);
        primary.put("scoreUnit", "ns/op");
        ArrayNode raw = primary.putArray("rawData");
        ArrayNode allocRaw = JSON.createArrayNode();
        for (double[] fork : forks) {
            ArrayNode samples = raw.addArray();
            ArrayNode allocSamples = allocRaw.addArray();
            for (double sample : fork) {
                samples.add(sample);
                allocSamples.add(bytesPerOp);
            }
        }
        ObjectNode alloc = result.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm");
        alloc.put("score", bytesPerOp);
        alloc.put("scoreUnit", "B/op");
        alloc.set("rawData", allocRaw);
        return this;
    }

    Path writeTo(Path run) throws IOException {
        Files.createDirectories(run.resolve("jmh"));
        JSON.writeValue(run.resolve("jmh/results.json").toFile(), results);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("git").put("commit", commit).put("dirty", false);
        JSON.writeValue(run.resolve("run.json").toFile(), manifest);
        return run;
    }

    /** Ten samples around {@code centre}, spread by ±1 %, in two forks. */
    static double[][] around(double centre) {
        double[][] forks = new double[2][5];
        for (int fork = 0; fork < 2; fork++) {
            for (int i = 0; i < 5; i++) {
                forks[fork][i] = centre * (1 + ((fork * 5 + i) % 5 - 2) * 0.005);
            }
        }
        return forks;
    }
}
