package dev.iamatlas.model.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;

/**
 * What {@code aws lambda remove-permission} does: removes the statement with a Sid from the resource policy of a
 * function, alias or version; removing the last statement leaves no policy.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_RemovePermission.html">RemovePermission</a>
 */
public final class RemoveLambdaPermission extends BaseEdit<LambdaFunction> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaArns.FunctionArn target;
    private final String statementId;

    /**
     * @param functionArn the function, alias or version ARN
     * @param statementId the Sid of the statement to remove
     */
    public RemoveLambdaPermission(String functionArn, String statementId) {
        this.target = FunctionPolicies.parse(functionArn);
        this.statementId = Objects.requireNonNull(statementId, "statementId");
    }

    @Override
    public String description() {
        return "remove permission " + statementId + " from " + target.name()
                + (target.qualifier() == null ? "" : ":" + target.qualifier());
    }

    @Override
    LambdaFunction read(AccountSnapshot snapshot) {
        return Entities.function(snapshot, target.unqualified());
    }

    @Override
    LambdaFunction change(LambdaFunction f) {
        return FunctionPolicies.rewrite(f, target.qualifier(), this::remove);
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, LambdaFunction f) {
        return Entities.replace(snapshot, f);
    }

    private PolicyText remove(PolicyText policy) {
        if (policy == null || !(policy.tree() instanceof ObjectNode)) {
            throw new IllegalArgumentException(target.arn() + " has no resource policy");
        }
        ObjectNode doc = (ObjectNode) policy.tree();
        JsonNode existing = doc.get("Statement");
        ArrayNode kept = JSON.createArrayNode();
        boolean found = false;
        for (JsonNode s : existing instanceof ArrayNode ? existing : JSON.createArrayNode().add(existing)) {
            if (statementId.equals(s.path("Sid").asText(null))) {
                found = true;
            } else {
                kept.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("the policy of " + target.arn() + " has no statement " + statementId);
        }
        if (kept.isEmpty()) {
            return null;
        }
        doc.set("Statement", kept);
        try {
            return PolicyText.of(JSON.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
