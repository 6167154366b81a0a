package dev.perfharness.config;

/** A network endpoint written as {@code host:port}. */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * Parses {@code host:port}, {@code [v6-address]:port} or a {@code redis://host:port} URI.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static HostAndPort parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("redis://")) {
            trimmed = trimmed.substring("redis://".length());
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("expected host:port, such as 127.0.0.1:6379");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostAndPort(host, Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port is not a number");
        }
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
