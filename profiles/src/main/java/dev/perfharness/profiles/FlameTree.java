package dev.perfharness.profiles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collapsed stacks as the tree d3-flame-graph draws: {@code {name, value, delta, children}}, where
 * {@code value} counts the node and everything above it, and {@code delta} is the node's own change
 * only (d3-flame-graph's {@code computeDelta(true)} adds the children's).
 */
final class FlameTree {
    static final String ROOT = "all";

    private final String name;
    private long value;
    private double ownDelta;
    // Sorted by name, as flame graphs conventionally are, so equal profiles draw alike.
    private final Map<String, FlameTree> children = new TreeMap<>();

    private FlameTree(String name) {
        this.name = name;
    }

    /** One profile's tree, without deltas. */
    static FlameTree of(CollapsedStacks profile) {
        FlameTree root = new FlameTree(ROOT);
        profile.counts().forEach((stack, count) -> root.add(stack.split(";"), count, 0));
        return root;
    }

    /**
     * The new profile's shape coloured by the change against the scaled base. A stack only the base
     * has has no width in the new shape; its (negative) change goes to its deepest frame the new
     * profile still has, so its ancestors show the loss.
     */
    static FlameTree of(ProfileDiff diff) {
        FlameTree root = new FlameTree(ROOT);
        for (String stack : diff.next().counts().keySet()) {
            root.add(stack.split(";"), diff.next().count(stack), diff.delta(stack));
        }
        for (String stack : diff.base().counts().keySet()) {
            if (diff.next().count(stack) == 0) {
                root.deepestExisting(stack.split(";")).ownDelta += diff.delta(stack);
            }
        }
        return root;
    }

    private void add(String[] frames, long count, double delta) {
        FlameTree node = this;
        node.value += count;
        for (String frame : frames) {
            node = node.children.computeIfAbsent(frame, FlameTree::new);
            node.value += count;
        }
        node.ownDelta += delta;
    }

    private FlameTree deepestExisting(String[] frames) {
        FlameTree node = this;
        for (String frame : frames) {
            FlameTree child = node.children.get(frame);
            if (child == null) {
                break;
            }
            node = child;
        }
        return node;
    }

    long value() {
        return value;
    }

    /**
     * The tree as JSON that is safe inside an HTML {@code <script>} element: {@code <}, {@code >},
     * {@code &} and the JavaScript line separators are written as {@code \\uXXXX}, so no frame name
     * can close the element or start markup.
     */
    String toJson(boolean withDelta) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, withDelta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void write(JsonGenerator json, boolean withDelta) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeNumberField("value", value);
        if (withDelta) {
            // Three decimals keep the page small; a stack only the new profile has keeps delta == value exactly,
            // which d3-flame-graph's differential colours show as "new".
            json.writeNumberField("delta", Math.round(ownDelta * 1000) / 1000.0);
        }
        json.writeArrayFieldStart("children");
        for (FlameTree child : children.values()) {
            child.write(json, withDelta);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build();

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            asciiEscapes['<'] = ESCAPE_STANDARD;
            asciiEscapes['>'] = ESCAPE_STANDARD;
            asciiEscapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028 and U+2029 end a line in older JavaScript; the other code points pass as they are.
            return ch == 0x2028 || ch == 0x2029
                    ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
