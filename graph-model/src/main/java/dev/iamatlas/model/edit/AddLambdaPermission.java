package dev.iamatlas.model.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;

/**
 * What {@code aws lambda add-permission} does: adds a statement to the resource policy of a function, alias or
 * version, written the way Lambda writes it — {@code Principal} {@code {"Service": ...}} for a service,
 * {@code {"AWS": "arn:aws:iam::ACCOUNT:root"}} for an account id, {@code "*"} for everyone; {@code Resource} the
 * (qualified) function ARN; {@code ArnLike AWS:SourceArn}, {@code StringEquals AWS:SourceAccount} and
 * {@code StringEquals lambda:FunctionUrlAuthType} conditions when given.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html">AddPermission</a>
 */
public final class AddLambdaPermission extends BaseEdit<LambdaFunction> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaArns.FunctionArn target;
    private final String statementId;
    private final String principal;
    private final String action;
    private final String sourceArn;
    private final String sourceAccount;
    private final String functionUrlAuthType;

    /**
     * @param functionArn the function, alias or version ARN
     * @param statementId the Sid, unique in that policy
     * @param principal a service ({@code apigateway.amazonaws.com}), an account id, an IAM ARN or {@code *}
     * @param action such as {@code lambda:InvokeFunction}
     * @param sourceArn the {@code --source-arn}, or null
     * @param sourceAccount the {@code --source-account}, or null
     * @param functionUrlAuthType the {@code --function-url-auth-type}, or null
     */
    public AddLambdaPermission(String functionArn, String statementId, String principal, String action, String sourceArn,
            String sourceAccount, String functionUrlAuthType) {
        this.target = FunctionPolicies.parse(functionArn);
        this.statementId = Objects.requireNonNull(statementId, "statementId");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.action = Objects.requireNonNull(action, "action");
        this.sourceArn = sourceArn;
        this.sourceAccount = sourceAccount;
        this.functionUrlAuthType = functionUrlAuthType;
    }

    /** API Gateway may invoke the target from one source ARN (with this account as source account). */
    public static AddLambdaPermission forApiGateway(String functionArn, String statementId, String sourceArn, String account) {
        return new AddLambdaPermission(functionArn, statementId, "apigateway.amazonaws.com", "lambda:InvokeFunction",
                sourceArn, account, null);
    }

    @Override
    public String description() {
        return "add permission " + statementId + " to " + target.name()
                + (target.qualifier() == null ? "" : ":" + target.qualifier()) + ": " + principal + " may " + action
                + (sourceArn == null ? "" : " from " + sourceArn);
    }

    @Override
    LambdaFunction read(AccountSnapshot snapshot) {
        return Entities.function(snapshot, target.unqualified());
    }

    @Override
    LambdaFunction change(LambdaFunction f) {
        return FunctionPolicies.rewrite(f, target.qualifier(), this::add);
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, LambdaFunction f) {
        return Entities.replace(snapshot, f);
    }

    private PolicyText add(PolicyText policy) {
        ObjectNode doc;
        if (policy == null || !(policy.tree() instanceof ObjectNode)) {
            doc = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "default");
        } else {
            doc = (ObjectNode) policy.tree();
        }
        JsonNode existing = doc.get("Statement");
        ArrayNode statements = JSON.createArrayNode();
        if (existing instanceof ArrayNode) {
            statements.addAll((ArrayNode) existing);
        } else if (existing != null) {
            statements.add(existing);
        }
        for (JsonNode s : statements) {
            if (statementId.equals(s.path("Sid").asText(null))) {
                throw new IllegalArgumentException("the statement id (" + statementId + ") already exists in the policy of "
                        + target.arn());
            }
        }
        ObjectNode s = statements.addObject();
        s.put("Sid", statementId);
        s.put("Effect", "Allow");
        if (principal.equals("*")) {
            s.put("Principal", "*");
        } else if (AwsPrincipal.isAccountId(principal)) {
            s.putObject("Principal").put("AWS", "arn:" + target.partition() + ":iam::" + principal + ":root");
        } else if (principal.startsWith("arn:")) {
            s.putObject("Principal").put("AWS", principal);
        } else {
            s.putObject("Principal").put("Service", principal);
        }
        s.put("Action", action);
        s.put("Resource", target.arn());
        if (sourceArn != null || sourceAccount != null || functionUrlAuthType != null) {
            ObjectNode condition = s.putObject("Condition");
            if (sourceArn != null) {
                condition.putObject("ArnLike").put("AWS:SourceArn", sourceArn);
            }
            if (sourceAccount != null || functionUrlAuthType != null) {
                ObjectNode equals = condition.putObject("StringEquals");
                if (sourceAccount != null) {
                    equals.put("AWS:SourceAccount", sourceAccount);
                }
                if (functionUrlAuthType != null) {
                    equals.put("lambda:FunctionUrlAuthType", functionUrlAuthType);
                }
            }
        }
        doc.set("Statement", statements);
        try {
            return PolicyText.of(JSON.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
