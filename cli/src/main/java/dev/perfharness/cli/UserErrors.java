package dev.perfharness.cli;

import dev.perfharness.cli.verdict.OptionException;
import dev.perfharness.reports.baseline.BaselineException;
import dev.perfharness.reports.metrics.MetricsException;
import dev.perfharness.reports.targets.TargetsException;
import dev.perfharness.config.SettingsException;
import dev.perfharness.env.EnvironmentException;
import dev.perfharness.jmh.suite.SuiteException;
import dev.perfharness.sut.ServiceException;
import picocli.CommandLine;

/**
 * Prints a configuration or environment problem as one clear line (exit 2) instead of a stack trace;
 * anything else is a defect and keeps its trace.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof SettingsException || e instanceof EnvironmentException || e instanceof ServiceException
                || e instanceof SuiteException || e instanceof MetricsException || e instanceof BaselineException
                || e instanceof TargetsException || e instanceof OptionException) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
            return EXIT_USER_ERROR;
        }
        throw e;
    }
}
