package dev.iamatlas.model.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * A deployed stage of a REST API, with its stage variables (used as {@code ${stageVariables.x}} in integration
 * URIs, for example to pick a Lambda alias per stage).
 *
 * @param name the stage name, which appears in the execute-api ARN
 * @param deploymentId the deployment the stage serves, or null
 * @param variables the stage variables
 * @param webAclArn the AWS WAF web ACL in front of the stage, or null
 */
public record RestStage(String name, String deploymentId, Map<String, String> variables, String webAclArn) {
    public RestStage {
        Objects.requireNonNull(name, "name");
        variables = Copies.map(variables);
    }
}
