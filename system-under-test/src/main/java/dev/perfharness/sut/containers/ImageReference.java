package dev.perfharness.sut.containers;

import java.util.regex.Pattern;

/**
 * Docker's image reference grammar (distribution/reference): {@code [host[:port]/]path[/path...][:tag][@digest]},
 * checked before any call to the engine so that a malformed name is a 400 that names it, not an engine error.
 */
final class ImageReference {
    static final int MAX_LENGTH = 255;

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|-+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReference() {
    }

    static boolean isValid(String reference) {
        return !reference.isEmpty() && reference.length() <= MAX_LENGTH && REFERENCE.matcher(reference).matches();
    }
}
