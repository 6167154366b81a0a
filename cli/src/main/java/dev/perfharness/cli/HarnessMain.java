package dev.perfharness.cli;

import picocli.CommandLine;

/** Entry point of {@code bin/harness}. */
public final class HarnessMain {
    private HarnessMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CliContext(System.getenv())).execute(args));
    }

    /** The configured picocli command line; tests run it in-process with their own context. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new HarnessCommand(), new ContextFactory(context));
        commandLine.setExecutionExceptionHandler(new UserErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
