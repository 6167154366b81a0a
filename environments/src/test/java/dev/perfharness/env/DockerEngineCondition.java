package dev.perfharness.env;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs {@link RequiresDocker} tests when an engine answers; fails them in CI when none does. */
final class DockerEngineCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        String reason = "no Docker engine answers (scripts/docker-engine.sh starts one)";
        if (TestSettings.runningInCi()) {
            throw new IllegalStateException("CI=true and " + reason + ": the Docker-backed tests must run in CI");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
