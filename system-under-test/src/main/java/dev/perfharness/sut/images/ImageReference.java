package dev.perfharness.sut.images;

import dev.perfharness.config.HostAndPort;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.JsonBodies;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image name as Docker reads it: {@code [registry[:port]/]path[:tag][@sha256:digest]}.
 *
 * <p>The one grammar of the service: {@code POST /api/v1/images/pull}, {@code pull-batch} and
 * {@code build} accept exactly what {@link #isValid} accepts, and the Docker puller splits names with
 * {@link #parse}.
 *
 * @param registry    the first component when Docker would take it for a registry: it has a dot or a
 *                    colon, or is {@code localhost}
 * @param repository  the path within the registry, {@code team/app}
 * @param tag         absent when none was given (Docker then means {@code latest})
 * @param digest      {@code sha256:...}, when the name pins one
 */
public record ImageReference(Optional<String> registry, String repository, Optional<String> tag, Optional<String> digest) {
    // Docker's reference grammar (distribution/reference): [domain[:port]/]path[/path...][:tag][@digest].
    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|-+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern GRAMMAR = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    /** Docker's limit on a whole reference. */
    public static final int MAX_LENGTH = 255;

    /** Whether {@code text} is an image reference the service accepts. */
    public static boolean isValid(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_LENGTH && GRAMMAR.matcher(text).matches();
    }

    /** {@code text}, when it is an image reference; otherwise a {@link BadRequest} naming {@code parameter} and the value. */
    public static String require(String parameter, String text) {
        if (!isValid(text)) {
            throw new BadRequest(parameter, JsonBodies.abbreviate(text),
                    "%s: \"%s\" is not an image reference like registry:5000/team/name:tag".formatted(parameter, JsonBodies.abbreviate(text)));
        }
        return text;
    }

    /**
     * Splits a reference the way Docker does.
     *
     * @throws IllegalArgumentException naming {@code text} when it is not a valid reference
     */
    public static ImageReference parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("\"%s\" is not an image reference like registry:5000/team/name:tag".formatted(text));
        }
        String rest = text;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        Optional<String> registry = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = Optional.of(first);
                rest = rest.substring(slash + 1);
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The same image in {@code address}'s registry: a name without a registry gets it, one with a registry keeps it. */
    public ImageReference inRegistry(HostAndPort address) {
        return registry.isPresent() ? this : new ImageReference(Optional.of(address.toString()), repository, tag, digest);
    }

    /** {@code registry/repository}, or the repository alone: what Docker's {@code fromImage} takes. */
    public String name() {
        return registry.map(host -> host + "/" + repository).orElse(repository);
    }

    /**
     * What to pull: the digest when one is pinned, else the tag, else {@code latest}. Never empty, because an
     * empty tag asks the engine for every tag of the repository.
     */
    public String tagOrDigest() {
        return digest.or(() -> tag).orElse("latest");
    }

    @Override
    public String toString() {
        return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }
}
