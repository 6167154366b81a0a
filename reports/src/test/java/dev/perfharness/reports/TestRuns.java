package dev.perfharness.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Builds the files of a run directory for tests, as JMH and the Gatling legs write them: JMH's JSON
 * array, HdrHistogram interval logs with tags, and a leg's {@code summary.json}.
 */
public final class TestRuns {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final long START_MILLIS = 1_795_565_334_000L;

    private TestRuns() {
    }

    /** Two forks of five iterations around {@code center}, uniform noise of +-{@code noise}. */
    public static double[][] forks(double center, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] forks = new double[2][5];
        for (double[] fork : forks) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] = center + (random.nextDouble() * 2 - 1) * noise;
            }
        }
        return forks;
    }

    /** Every iteration of every fork, in order. */
    public static double[] flat(double[][] forks) {
        return java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** One element of JMH's results array, with the primary metric's raw data. */
    public static ObjectNode jmhResult(String benchmark, String mode, Map<String, String> params, String unit, double[][] rawData) {
        ObjectNode result = JSON.createObjectNode();
        result.put("jmhVersion", "1.37");
        result.put("benchmark", benchmark);
        result.put("mode", mode);
        result.put("forks", rawData.length);
        ObjectNode paramsNode = result.putObject("params");
        params.forEach(paramsNode::put);
        metricNode(result.putObject("primaryMetric"), unit, rawData);
        result.putObject("secondaryMetrics");
        return result;
    }

    /** Adds a secondary metric; an empty {@code rawData} writes a score alone. */
    public static ObjectNode secondary(ObjectNode result, String name, String unit, double[][] rawData) {
        metricNode(((ObjectNode) result.get("secondaryMetrics")).putObject(name), unit, rawData);
        return result;
    }

    private static void metricNode(ObjectNode metric, String unit, double[][] rawData) {
        double[] all = flat(rawData);
        metric.put("score", all.length == 0 ? 42.0 : java.util.Arrays.stream(all).average().orElseThrow());
        metric.put("scoreUnit", unit);
        ArrayNode raw = metric.putArray("rawData");
        for (double[] fork : rawData) {
            ArrayNode forkNode = raw.addArray();
            for (double value : fork) {
                forkNode.add(value);
            }
        }
    }

    public static Path writeJmh(Path run, ObjectNode... results) throws IOException {
        Path file = run.resolve("jmh/results.json");
        Files.createDirectories(file.getParent());
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode result : results) {
            array.add(result);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
        return file;
    }

    /** A one-second interval histogram (3 significant digits, as the harness records) of the given values. */
    public static Histogram interval(String tag, int second, long... values) {
        Histogram histogram = new Histogram(3);
        for (long value : values) {
            histogram.recordValue(value);
        }
        histogram.setTag(tag);
        histogram.setStartTimeStamp(START_MILLIS + second * 1000L);
        histogram.setEndTimeStamp(START_MILLIS + (second + 1) * 1000L);
        return histogram;
    }

    /** {@code seconds} one-second intervals of {@code perSecond} latencies, log-normal around {@code medianMicros}. */
    public static List<Histogram> latencySeries(String tag, int seconds, int perSecond, double medianMicros, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Histogram> series = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            long[] values = new long[perSecond];
            for (int i = 0; i < perSecond; i++) {
                values[i] = Math.round(medianMicros * Math.exp(0.5 * gaussian(random)));
            }
            series.add(interval(tag, second, values));
        }
        return series;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** An interval log as the harness writes it: {@code #[Tag T = request NAME]} comments first, then the intervals. */
    public static Path writeHlog(Path file, Map<String, String> requestNames, List<Histogram> intervals) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, java.nio.charset.StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("[Client response times in microseconds; untagged: all requests]");
            requestNames.forEach((tag, name) -> writer.outputComment("[Tag " + tag + " = request " + name + "]"));
            writer.outputLogFormatVersion();
            writer.outputStartTime(START_MILLIS);
            writer.outputBaseTime(START_MILLIS);
            writer.setBaseTime(START_MILLIS);
            writer.outputLegend();
            for (Histogram interval : intervals) {
                writer.outputIntervalHistogram(interval);
            }
        }
        return file;
    }

    /** Adds every histogram into one, as HdrHistogram would pool them. */
    public static Histogram added(List<Histogram> intervals) {
        Histogram total = new Histogram(3);
        intervals.forEach(total::add);
        return total;
    }

    /** A leg's summary.json with the given figures (name to value); other sections are added by the caller. */
    public static ObjectNode summary(String scenario, String variant, Map<String, Double> figures) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("scenario", scenario);
        summary.put("variant", variant);
        summary.put("repeat", 1);
        ObjectNode figuresNode = summary.putObject("figures");
        figures.forEach(figuresNode::put);
        summary.putObject("simulation");
        return summary;
    }

    public static Path writeSummary(Path leg, ObjectNode summary) throws IOException {
        Files.createDirectories(leg);
        Path file = leg.resolve("summary.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
        return file;
    }
}
