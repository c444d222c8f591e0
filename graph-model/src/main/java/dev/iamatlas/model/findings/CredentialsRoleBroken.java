package dev.iamatlas.model.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code APIGW_CREDENTIALS_ROLE_BROKEN}: an integration or authorizer calls Lambda through a credentials role, and
 * API Gateway cannot assume the role (trust policy, or the role does not exist) or the role may not invoke the
 * function. The fix is the trust-policy change (with the corrected document) or the exact {@code put-role-policy}.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html">API Gateway: Lambda integration with an IAM role</a>
 */
public final class CredentialsRoleBroken extends BaseApiDetector {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String ruleId() {
        return RuleCatalogue.APIGW_CREDENTIALS_ROLE_BROKEN;
    }

    @Override
    public void detect(String subject, FindingContext ctx) {
        for (String source : invokingSources(subject, ctx)) {
            for (AccessEdge via : ctx.outgoing(source)) {
                if (via.type() != EdgeType.INVOKES_VIA_ROLE || via.status() != EdgeStatus.DENIED) {
                    continue;
                }
                String roleArn = via.attribute(AccessEdge.CREDENTIALS_ROLE);
                Node target = ctx.node(via.targetId()).orElse(null);
                if (roleArn == null || target == null || target.isPlaceholder()) {
                    continue;
                }
                AccessEdge uses = null;
                for (AccessEdge e : ctx.outgoing(source)) {
                    if (e.type() == EdgeType.USES_CREDENTIALS_ROLE && e.targetId().equals(roleArn)
                            && java.util.Objects.equals(e.attribute(AccessEdge.STAGE), via.attribute(AccessEdge.STAGE))) {
                        uses = e;
                    }
                }
                report(ctx, source, via, uses, roleArn, target);
            }
        }
    }

    private void report(FindingContext ctx, String source, AccessEdge via, AccessEdge uses, String roleArn, Node target) {
        String roleName = Fixes.roleName(roleArn);
        String what = label(ctx, source);
        IamRole role = ctx.role(roleArn);
        List<AccessEdge> path = new ArrayList<>();
        if (uses != null) {
            path.add(uses);
        }
        path.add(via);
        String doc = RuleCatalogue.require(ruleId()).documentation();
        Fix fix;
        String message;
        if (role == null) {
            message = what + " uses credentials role " + roleArn + ", which does not exist: calls fail with 500.";
            fix = new Fix("Create role " + roleName + " (trusting apigateway.amazonaws.com, allowed lambda:InvokeFunction"
                    + " on " + target.id() + ") or point the integration at an existing role", List.of(), null, doc);
        } else if (uses != null && uses.status() == EdgeStatus.DENIED) {
            message = "API Gateway cannot assume credentials role " + roleName + " for " + what
                    + ": its trust policy does not allow apigateway.amazonaws.com; calls fail with 500.";
            String corrected = trustWithApiGateway(role, ctx.account());
            fix = new Fix("Let apigateway.amazonaws.com assume " + roleName + " (limited to this account)",
                    List.of("aws iam update-assume-role-policy --role-name " + Fixes.q(roleName)
                            + " --policy-document file://" + roleName + "-trust-policy.json"), corrected, doc);
        } else {
            message = "Credentials role " + roleName + " may not invoke " + target.label() + " for " + what
                    + "; calls fail with 500.";
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "\"lambda:InvokeFunction\",\"Resource\":\"" + target.id() + "\"}]}";
            fix = new Fix("Allow " + roleName + " to invoke " + target.id() + " (and check its permissions boundary and"
                    + " SCPs)", List.of("aws iam put-role-policy --role-name " + Fixes.q(roleName) + " --policy-name "
                            + Fixes.q(Fixes.statementId("invoke", target.label())) + " --policy-document " + Fixes.q(policy)),
                    policy, doc);
        }
        ctx.report(finding(via.id(), Severity.HIGH, message, target.id(), roleArn, path, List.of(via.explanation()), fix));
    }

    /** The role's trust policy with a statement added that lets API Gateway of this account assume it. */
    static String trustWithApiGateway(IamRole role, String account) {
        try {
            ObjectNode doc = role.trustPolicy() != null && role.trustPolicy().tree() instanceof ObjectNode
                    ? (ObjectNode) role.trustPolicy().tree() : JSON.createObjectNode().put("Version", "2012-10-17");
            JsonNode statements = doc.get("Statement");
            ArrayNode array;
            if (statements instanceof ArrayNode) {
                array = (ArrayNode) statements;
            } else {
                array = JSON.createArrayNode();
                if (statements != null) {
                    array.add(statements);
                }
                doc.set("Statement", array);
            }
            ObjectNode s = array.addObject();
            s.put("Sid", "AllowApiGatewayToAssume");
            s.put("Effect", "Allow");
            s.putObject("Principal").put("Service", "apigateway.amazonaws.com");
            s.put("Action", "sts:AssumeRole");
            s.putObject("Condition").putObject("StringEquals").put("aws:SourceAccount", account);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
