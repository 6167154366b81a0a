package dev.perfharness.cli;

import picocli.CommandLine;

/** Gives every command and mixin that asks for it the one {@link CliContext}. */
final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException noContextConstructor) {
            return fallback.create(type);
        }
    }
}
