package dev.perfharness.config;

/** Where a setting's value came from, so an error can say which file line or variable to fix. */
public record Origin(String description) {
    static final Origin DEFAULT = new Origin("default");

    static Origin file(java.nio.file.Path path) {
        return new Origin("file " + path);
    }

    static Origin environmentVariable(String name) {
        return new Origin("environment variable " + name);
    }

    static Origin flag() {
        return new Origin("command line");
    }

    @Override
    public String toString() {
        return description;
    }
}
