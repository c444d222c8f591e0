package dev.iamatlas.model.findings;

import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.EvaluationRequest;
import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ApiRoutes;
import dev.iamatlas.model.rules.Check;
import dev.iamatlas.model.rules.SnapshotIndex;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What detectors share: subjects, finding construction, integration lookups. */
abstract class BaseDetector implements FindingDetector {

    /** Subjects: every function ARN. */
    static List<String> functions(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        index.snapshot().functions().forEach(f -> out.add(f.arn()));
        return out;
    }

    /** Subjects: {@code rest:ID} and {@code v2:ID}. */
    static List<String> apis(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        index.restApiIds().forEach(id -> out.add("rest:" + id));
        index.apiV2Ids().forEach(id -> out.add("v2:" + id));
        return out;
    }

    /** Subjects: every role ARN. */
    static List<String> roles(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        index.snapshot().iam().roles().forEach(r -> out.add(r.arn()));
        return out;
    }

    /** The routes of an API subject, or empty; the API read is recorded. */
    static List<ApiRoutes.Route> routes(String subject, FindingContext ctx) {
        String id = subject.substring(subject.indexOf(':') + 1);
        if (subject.startsWith("v2:")) {
            ctx.apiV2(id);
        } else {
            ctx.restApi(id);
        }
        return ctx.run().routes(subject);
    }

    /** The authorizers of an API subject, or empty. */
    static List<ApiRoutes.Authorizer> authorizers(String subject, FindingContext ctx) {
        String id = subject.substring(subject.indexOf(':') + 1);
        if (subject.startsWith("v2:")) {
            ApiV2 api = ctx.apiV2(id);
            return api == null ? List.of() : ApiRoutes.authorizers(api, ctx.partition(), ctx.account());
        }
        RestApi api = ctx.restApi(id);
        return api == null ? List.of() : ApiRoutes.authorizers(api, ctx.partition(), ctx.account());
    }

    /**
     * The node ids of what invokes functions in an API subject: its routes (one per stage), then its authorizers;
     * empty when the API is gone.
     */
    static List<String> invokingSources(String subject, FindingContext ctx) {
        List<String> sources = new ArrayList<>();
        routes(subject, ctx).forEach(r -> sources.add(r.arn()));
        authorizers(subject, ctx).forEach(a -> sources.add(a.arn()));
        return sources;
    }

    /**
     * Every execute-api ARN API Gateway can send as aws:SourceArn for an API (routes, ANY kept for REST;
     * authorizers) to a function in {@code functionRegion}: a function in another region than the API sees them
     * with its own region (Lambda guide, services-apigateway, Permissions).
     */
    static Set<String> sourceArns(String apiId, String functionRegion, FindingContext ctx) {
        ctx.restApi(apiId);
        ctx.apiV2(apiId);
        Set<String> all = ctx.run().sourceArns(apiId);
        if (all.isEmpty() || functionRegion == null || all.iterator().next().split(":", 6)[3].equals(functionRegion)) {
            return all;
        }
        Set<String> out = new LinkedHashSet<>();
        all.forEach(a -> out.add(ApiRoutes.inRegion(a, functionRegion)));
        return out;
    }

    /** The region of a Lambda ARN (function, alias or version), or null. */
    static String region(String lambdaArn) {
        dev.iamatlas.model.rules.LambdaArns.FunctionArn arn = dev.iamatlas.model.rules.LambdaArns.parse(lambdaArn);
        return arn == null ? null : arn.region();
    }

    /** Whether the API exists (REST or v2); recorded. */
    static boolean apiExists(String apiId, FindingContext ctx) {
        return ctx.restApi(apiId) != null || ctx.apiV2(apiId) != null;
    }

    /**
     * The source ARNs of the routes and authorizers that invoke {@code targetId} with its resource policy (INVOKES
     * edges), as API Gateway sends them: {@code ANY} kept for REST methods (the Lambda guide's
     * {@code mnh1xmpli7/prod/ANY/user}), one per HTTP method for HTTP API ANY routes, in the target's region.
     *
     * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
     */
    static Set<String> integratingSourceArns(String targetId, FindingContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        String region = region(targetId);
        for (AccessEdge e : ctx.incoming(targetId)) {
            if (e.type() != EdgeType.INVOKES) {
                continue;
            }
            Node from = ctx.node(e.sourceId()).orElse(null);
            if (from == null) {
                continue;
            }
            if (from.kind() == NodeKind.API_ROUTE && "ANY".equals(from.attribute(Node.METHOD))
                    && !"REST".equals(from.attribute(Node.PROTOCOL))) {
                String id = from.id();
                String stage = from.attribute(Node.STAGE);
                int at = id.indexOf("/" + stage + "/ANY/");
                for (String m : ApiRoutes.ANY_METHODS) {
                    out.add(ApiRoutes.inRegion(id.substring(0, at) + "/" + stage + "/" + m + "/"
                            + id.substring(at + stage.length() + 6), region));
                }
            } else {
                out.add(ApiRoutes.inRegion(from.id(), region));
            }
        }
        return out;
    }

    /**
     * Whether one statement (alone) lets API Gateway invoke {@code target} when the call comes from
     * {@code sourceArn}: asked of the policy evaluator with unknown keys resolved in favour of access. A source ARN
     * that matches none of the statement's plain {@code aws:SourceArn} patterns is ruled out before evaluating.
     */
    static boolean admits(Admission statement, String target, String sourceArn, String account) {
        if (!statement.mayAdmit(sourceArn)) {
            return false;
        }
        Decision d = Check.EVALUATOR.evaluate(EvaluationRequest.builder().principal(API_GATEWAY)
                .action("lambda:InvokeFunction").resource(target).context("aws:SourceArn", sourceArn)
                .context("aws:SourceAccount", account).resourcePolicy(statement.policy)
                .missingKeysUnknown(true).deriveContextKeys(true).build());
        return d.mostPermissive() == Outcome.ALLOW;
    }

    private static final dev.iamatlas.model.evaluation.RequestPrincipal API_GATEWAY =
            dev.iamatlas.model.evaluation.RequestPrincipal.parse("apigateway.amazonaws.com");

    /** One statement as a policy of its own, with its plain SourceArn patterns for a cheap pre-check. */
    static final class Admission {
        final NamedPolicy policy;
        private final List<java.util.function.Predicate<String>> patterns = new ArrayList<>();
        private final boolean anything;

        Admission(PolicyDocument document, Statement statement) {
            this.policy = new NamedPolicy("statement", new PolicyDocument(document.version(), document.id(),
                    List.of(statement), document.sourceText(), document.statementArray()));
            boolean plain = false;
            for (dev.iamatlas.model.policy.Condition c : statement.conditions()) {
                if (!c.lowerCaseKey().equals("aws:sourcearn") || c.ifExists()
                        || c.qualifier() != dev.iamatlas.model.policy.SetQualifier.NONE) {
                    continue;
                }
                boolean variables = false;
                for (dev.iamatlas.model.policy.PolicyTemplate t : c.templates()) {
                    variables |= t.hasVariables();
                }
                if (variables) {
                    continue;
                }
                List<java.util.function.Predicate<String>> here = new ArrayList<>();
                for (String v : c.values()) {
                    switch (c.operator()) {
                        case ARN_LIKE:
                        case ARN_EQUALS:
                            here.add(dev.iamatlas.model.policy.ArnPattern.compile(v)::matches);
                            break;
                        case STRING_LIKE:
                            here.add(dev.iamatlas.model.policy.WildcardPattern.compile(v, true)::matches);
                            break;
                        case STRING_EQUALS:
                            here.add(v::equals);
                            break;
                        default:
                            here = null;
                            break;
                    }
                    if (here == null) {
                        break;
                    }
                }
                if (here != null) {
                    plain = true;
                    patterns.addAll(here);
                    break;
                }
            }
            anything = !plain;
        }

        /** False only when the statement certainly does not admit the source (an over-approximation of the evaluator). */
        boolean mayAdmit(String sourceArn) {
            if (anything) {
                return true;
            }
            for (java.util.function.Predicate<String> p : patterns) {
                if (p.test(sourceArn)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A finding with the catalogue's title. */
    Finding finding(String discriminator, Severity severity, String message, String resource, String principal,
            List<AccessEdge> path, List<String> notes, Fix fix) {
        RuleInfo rule = RuleCatalogue.require(ruleId());
        String id = ruleId() + " " + resource + (principal == null ? "" : " " + principal)
                + (discriminator == null ? "" : " #" + discriminator);
        return new Finding(id, ruleId(), severity, rule.title(), message, resource, principal, path, notes, fix);
    }

    /** The short name of a node for messages. */
    static String label(FindingContext ctx, String id) {
        return ctx.node(id).map(Node::label).orElse(id);
    }
}
