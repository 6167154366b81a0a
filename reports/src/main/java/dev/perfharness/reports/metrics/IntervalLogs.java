package dev.perfharness.reports.metrics;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads an HdrHistogram interval log ({@code .hlog}) into interval counts per tag. Tags are names made
 * safe for the log; a {@code #[Tag T = request NAME]} comment, which the client log writes, maps a tag
 * back to its request's name. Untagged intervals are stored under {@link #UNTAGGED}.
 */
final class IntervalLogs {
    static final String UNTAGGED = "";
    private static final Pattern TAG_COMMENT = Pattern.compile("#\\[Tag (\\S+) = request (.+)]");

    private IntervalLogs() {
    }

    static Map<String, List<IntervalCounts>> read(Path log) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MetricsException("histogram log " + log + " is damaged: it is not text (" + e + ")", e);
        }
        Map<String, String> names = tagNames(lines);
        Map<String, List<IntervalCounts>> byTag = new LinkedHashMap<>();
        int read = 0;
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            for (EncodableHistogram interval; (interval = next(reader, log)) != null; read++) {
                if (!(interval instanceof AbstractHistogram histogram)) {
                    throw new MetricsException("histogram log " + log + " holds a floating-point histogram; perf-harness writes integer ones");
                }
                String tag = histogram.getTag() == null ? UNTAGGED : histogram.getTag();
                double seconds = Math.max(0, (histogram.getEndTimeStamp() - histogram.getStartTimeStamp()) / 1000.0);
                byTag.computeIfAbsent(names.getOrDefault(tag, tag), key -> new ArrayList<>()).add(IntervalCounts.of(histogram, seconds));
            }
        }
        // The reader ends quietly at a line it cannot parse (a bad number, a bad checksum): count what it left.
        long written = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("\"StartTimestamp\""))
                .count();
        if (read < written) {
            throw new MetricsException("histogram log " + log + " is damaged: only the first " + read + " of its " + written
                    + " intervals can be read");
        }
        return byTag;
    }

    private static EncodableHistogram next(HistogramLogReader reader, Path log) {
        try {
            return reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            // HdrHistogram throws unchecked exceptions (DataFormatException wrapped, NumberFormatException) on a damaged line.
            throw new MetricsException("histogram log " + log + " is damaged: " + e, e);
        }
    }

    private static Map<String, String> tagNames(List<String> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher matcher = TAG_COMMENT.matcher(line);
            if (matcher.matches()) {
                names.put(matcher.group(1), matcher.group(2));
            }
        }
        return names;
    }
}
