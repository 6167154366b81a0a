package dev.perfharness.reports.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.perfharness.reports.metrics.MetricKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a targets file (YAML). The file says whether its targets gate ({@code enforce: required}, the
 * default) or are checked and shown only ({@code enforce: advisory}, the seeds' claims); a target may
 * override it with its own {@code required}. Every problem names the file and the target's id.
 */
public final class TargetFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TargetFile() {
    }

    public static List<Target> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TargetsException("no targets file at " + file);
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new TargetsException("targets file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("targets").isArray()) {
            throw new TargetsException("targets file " + file + " has no \"targets:\" list");
        }
        String enforce = root.path("enforce").asText("required");
        if (!enforce.equals("required") && !enforce.equals("advisory")) {
            throw new TargetsException("targets file " + file + ": enforce is \"" + enforce + "\"; expected required or advisory");
        }
        List<Target> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : root.path("targets")) {
            Target target = new Entry(file, entry).target(enforce.equals("required"));
            if (!ids.add(target.id())) {
                throw new TargetsException("targets file " + file + ": the id " + target.id() + " appears twice");
            }
            targets.add(target);
        }
        return targets;
    }

    /** One entry being read, so every error can name the file and the entry. */
    private record Entry(Path file, JsonNode node) {
        Target target(boolean requiredByDefault) {
            String id = required("id");
            String notMeasured = optional("not_measured");
            MetricSelector metric = null;
            Target.VariantPair variants = null;
            Map<String, String> variantParams = Map.of();
            Comparison comparison = null;
            Operator operator = null;
            double threshold = Double.NaN;
            if (notMeasured == null) {
                metric = metric();
                comparison = parse("comparison", value -> Comparison.valueOf(value.toUpperCase(Locale.ROOT)));
                operator = parse("op", Operator::of);
                threshold = number("threshold");
                if (metric.jmh() && comparison != Comparison.ABSOLUTE) {
                    JsonNode pair = node.path("variants");
                    variants = new Target.VariantPair(text(pair, "param", "variants.param"), text(pair, "before", "variants.before"),
                            text(pair, "after", "variants.after"));
                }
                if (metric.jmh() && comparison == Comparison.ABSOLUTE) {
                    variantParams = strings(node.path("variant_params"));
                }
                if (!metric.jmh() && comparison == Comparison.ABSOLUTE && metric.variant() == null) {
                    throw error("an absolute Gatling target names its variant (metric.variant: before or after)");
                }
            }
            boolean required = node.has("required") ? node.path("required").asBoolean() : requiredByDefault;
            return new Target(id, file.getFileName().toString(), optional("seed"), node.path("line").asInt(0), optional("quote"),
                    required("claim"), optional("note"), notMeasured, metric, variants, variantParams, comparison, operator,
                    threshold, optional("unit"), required);
        }

        private MetricSelector metric() {
            JsonNode metric = node.path("metric");
            if (!metric.isObject()) {
                throw error("it has neither \"metric\" nor \"not_measured\"");
            }
            String source = text(metric, "source", "metric.source");
            return switch (source) {
                case MetricKey.JMH -> new MetricSelector(source, text(metric, "benchmark", "metric.benchmark"), strings(metric.path("params")),
                        null, null, text(metric, "value", "metric.value"), null);
                case MetricKey.GATLING -> {
                    String side = text(metric, "side", "metric.side");
                    if (!List.of("client", "server", "delivery", "outage", "figure").contains(side)) {
                        throw error("metric.side is \"" + side + "\"; expected client, server, delivery, outage or figure");
                    }
                    yield new MetricSelector(source, text(metric, "scenario", "metric.scenario"), Map.of(), side,
                            metric.path("name").isTextual() ? metric.path("name").asText() : null, text(metric, "value", "metric.value"),
                            metric.path("variant").isTextual() ? metric.path("variant").asText() : null);
                }
                default -> throw error("metric.source is \"" + source + "\"; expected jmh or gatling");
            };
        }

        private String required(String field) {
            return text(node, field, field);
        }

        private String optional(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        private double number(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber()) {
                throw error("\"" + field + "\" must be a number, not " + (value == null ? "missing" : value.toString()));
            }
            return value.asDouble();
        }

        private <T> T parse(String field, Function<String, T> parser) {
            String text = required(field);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw error("\"" + field + "\" is \"" + text + "\": " + (e.getMessage() == null ? "not a known value" : e.getMessage()));
            }
        }

        private String text(JsonNode parent, String field, String path) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
                throw error("\"" + path + "\" is missing");
            }
            return value.asText();
        }

        private Map<String, String> strings(JsonNode object) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                values.put(entry.getKey(), entry.getValue().asText());
            }
            return values;
        }

        private TargetsException error(String problem) {
            String id = node.path("id").asText("(no id)");
            return new TargetsException("targets file " + file + ", target " + id + ": " + problem);
        }
    }
}
