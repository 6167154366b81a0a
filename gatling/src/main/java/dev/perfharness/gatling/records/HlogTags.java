package dev.perfharness.gatling.records;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns request names into tags an HdrHistogram interval log can hold. The log is comma separated and
 * HdrHistogram's reader splits on spaces, commas and line breaks, so its writer refuses those in tags;
 * request names ("GET /api/v1/images") often have them. Every character outside {@code [A-Za-z0-9._:/-]}
 * becomes {@code _}, which is readable and safe for other hlog tools too.
 */
final class HlogTags {
    private static final char REPLACEMENT = '_';
    /** Not in the sanitized alphabet, so a numbered tag can never equal another name's plain tag. */
    private static final char COLLISION_SEPARATOR = '~';

    private HlogTags() {
    }

    /**
     * Each name's tag. Names that sanitize alike ("a b", "a,b") are told apart by {@code ~2}, {@code ~3}, ...
     * in the sorted order of the names, so the same names always get the same tags.
     */
    static Map<String, String> forNames(Collection<String> names) {
        Map<String, String> tags = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String name : new TreeSet<>(names)) {
            String base = sanitize(name);
            String tag = base;
            for (int n = 2; !used.add(tag); n++) {
                tag = base + COLLISION_SEPARATOR + n;
            }
            tags.put(name, tag);
        }
        return Collections.unmodifiableMap(tags);
    }

    static String sanitize(String name) {
        if (name.isEmpty()) {
            return String.valueOf(REPLACEMENT);
        }
        StringBuilder tag = new StringBuilder(name.length());
        name.codePoints().forEach(c -> tag.append(allowed(c) ? (char) c : REPLACEMENT));
        return tag.toString();
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
    }
}
