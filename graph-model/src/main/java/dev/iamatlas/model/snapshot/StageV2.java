package dev.iamatlas.model.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * A stage of an HTTP or WebSocket API, including {@code $default}.
 *
 * @param stageName the stage name, which appears in the execute-api ARN
 * @param deploymentId the deployment the stage serves, or null
 * @param autoDeploy whether changes deploy automatically
 * @param stageVariables the stage variables
 */
public record StageV2(String stageName, String deploymentId, boolean autoDeploy, Map<String, String> stageVariables) {
    public StageV2 {
        Objects.requireNonNull(stageName, "stageName");
        stageVariables = Copies.map(stageVariables);
    }
}
