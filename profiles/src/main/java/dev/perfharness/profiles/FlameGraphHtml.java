package dev.perfharness.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flame graphs as one self-contained HTML file that works offline: d3 7.9.0 and d3-flame-graph 5.0.0
 * (vendored in this module) and the tree as JSON are all inlined; nothing is fetched.
 *
 * <p>The differential page draws the new profile's shape, coloured by each frame's change against the
 * base scaled to the new total ({@link ProfileDiff}): red grew, blue shrank, orange only in the new one.
 * For one profile, async-profiler's own HTML is the primary output; this page is for when only
 * collapsed stacks were kept.
 */
public final class FlameGraphHtml {
    static final String D3 = "vendor/d3-7.9.0/d3.min.js";
    static final String FLAME_GRAPH = "vendor/d3-flame-graph-5.0.0/d3-flamegraph.umd.min.js";
    private static final String TEMPLATE = "flame-graph.html";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{(\\w+)}}");
    private static final int SHIFTS_SHOWN = 10;

    private FlameGraphHtml() {
    }

    /** Writes the differential flame graph of {@code diff} to {@code file}, atomically. */
    public static void writeDiff(ProfileDiff diff, String title, Path file) {
        write(file, diffPage(diff, title));
    }

    /** Writes one profile's flame graph to {@code file}, atomically. */
    public static void writeSingle(CollapsedStacks profile, String title, Path file) {
        write(file, singlePage(profile, title));
    }

    static String diffPage(ProfileDiff diff, String title) {
        String facts = "<table class=\"facts\">\n"
                + row("base", escape(diff.base().source()) + " &mdash; " + samples(diff.base().total()))
                + row("new", escape(diff.next().source()) + " &mdash; " + samples(diff.next().total()))
                + row("normalized", "base counts &times; %s (new total / base total), so both profiles total %s; "
                        .formatted(decimal(diff.scale()), samples(diff.next().total()))
                        + "widths are the new profile, colour is the change in scaled samples")
                + row("legend", "<span class=\"legend\"><span class=\"grew\">red: grew</span>"
                        + "<span class=\"shrank\">blue: shrank</span><span class=\"added\">orange: only in new</span>"
                        + "<span class=\"same\">grey: unchanged</span></span> deeper colour, larger change for that frame")
                + row("", "stacks only the base has have no width here: they show in their callers' blue and in the table below")
                + "</table>";
        String shifts = shiftTable("Leaf frames whose share grew most", diff.grown(SHIFTS_SHOWN))
                + shiftTable("Leaf frames whose share shrank most", diff.shrunk(SHIFTS_SHOWN));
        String model = "{\"differential\":true,\"unit\":\"samples\",\"tree\":" + FlameTree.of(diff).toJson(true) + "}";
        return page(title, facts, shifts, model);
    }

    static String singlePage(CollapsedStacks profile, String title) {
        String facts = "<table class=\"facts\">\n"
                + row("profile", escape(profile.source()) + " &mdash; " + samples(profile.total())
                        + " in " + profile.counts().size() + " distinct stacks")
                + "</table>";
        String model = "{\"differential\":false,\"unit\":\"samples\",\"tree\":" + FlameTree.of(profile).toJson(false) + "}";
        return page(title, facts, "", model);
    }

    private static String page(String title, String facts, String shifts, String model) {
        Map<String, String> values = Map.of(
                "title", escape(title),
                "facts", facts,
                "shifts", shifts,
                "data", model,
                "d3", script(D3),
                "flamegraph", script(FLAME_GRAPH));
        // One pass over the template: text put in (a frame name, a vendored script) is never scanned for tokens.
        Matcher token = TOKEN.matcher(resource(TEMPLATE));
        StringBuilder html = new StringBuilder();
        while (token.find()) {
            String value = values.get(token.group(1));
            if (value == null) {
                throw new IllegalStateException(TEMPLATE + " names an unknown value " + token.group());
            }
            token.appendReplacement(html, Matcher.quoteReplacement(value));
        }
        token.appendTail(html);
        return html.toString();
    }

    private static String shiftTable(String heading, List<FrameShift> shifts) {
        if (shifts.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("<table class=\"shifts\">\n<tr><th>" + heading
                + "</th><th>base share</th><th>new share</th><th>change</th></tr>\n");
        for (FrameShift shift : shifts) {
            table.append("<tr><td class=\"frame\">").append(escape(shift.frame()))
                    .append("</td><td class=\"num\">").append(percent(shift.baseShare()))
                    .append("</td><td class=\"num\">").append(percent(shift.newShare()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%+.2f pp", shift.changePoints()))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String row(String name, String html) {
        return "<tr><td>" + name + "</td><td>" + html + "</td></tr>\n";
    }

    private static String samples(long count) {
        return String.format(Locale.ROOT, "%,d samples", count);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** Text as HTML: frame names hold {@code <} and {@code >} (generics, lambdas) and must stay text. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A vendored script, checked to be safe to inline: nothing in it may end the script element early. */
    private static String script(String name) {
        String script = resource(name);
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " contains </script or <!-- and cannot be inlined as it is");
        }
        return script;
    }

    private static String resource(String name) {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the profiles module lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String html) {
        try {
            AtomicFiles.writeString(file, html);
        } catch (IOException e) {
            throw new ProfilingException("cannot write the flame graph " + file + ": " + e, e);
        }
    }
}
