package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The invocable targets of a function — the function itself, each alias, each version — each with its own resource
 * policy, and the principals those policies name for an action.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html">Lambda resource-based policies</a>
 */
final class FunctionTargets {
    private FunctionTargets() {
    }

    /** One target: its ARN (qualified or not), node, policy and qualifier. */
    record Target(String arn, Node node, PolicyText policy, String label, String qualifier) {
    }

    static List<Target> of(LambdaFunction f, String account) {
        List<Target> out = new ArrayList<>();
        out.add(new Target(f.arn(), Nodes.function(f, account), f.resourcePolicy(), "function " + f.name() + " resource policy",
                null));
        for (FunctionAlias a : f.aliases()) {
            out.add(new Target(a.arn(), Nodes.alias(f, a, account), a.resourcePolicy(),
                    "alias " + f.name() + ":" + a.name() + " resource policy", a.name()));
        }
        for (FunctionVersion v : f.versions()) {
            out.add(new Target(v.arn(), Nodes.version(f, v, account), v.resourcePolicy(),
                    "version " + f.name() + ":" + v.version() + " resource policy", v.version()));
        }
        return out;
    }

    /** What kind of principal a policy names. */
    enum Kind { EVERYONE, SERVICE, ACCOUNT, PRINCIPAL }

    /** A principal named by Allow statements for an action, with the Sids of those statements. */
    record Named(Kind kind, String id, TreeSet<String> sids) {
    }

    /**
     * The principals that Allow statements matching {@code action} name, in policy order, merged by principal.
     * Reading a policy's Principal elements decides nothing: each named principal is then evaluated.
     */
    static List<Named> principals(ParsedPolicy policy, String action, String partition) {
        Map<String, Named> out = new LinkedHashMap<>();
        if (policy == null || !policy.valid()) {
            return new ArrayList<>();
        }
        String lower = action.toLowerCase(Locale.ROOT);
        for (Statement s : policy.document().statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null || !ParsedPolicy.actionMatches(s, lower)) {
                continue;
            }
            String sid = s.sid() != null ? s.sid() : "#" + s.index();
            if (s.principal().isEveryone()) {
                add(out, Kind.EVERYONE, "*", sid);
            }
            for (String service : s.principal().services()) {
                add(out, Kind.SERVICE, service.toLowerCase(Locale.ROOT), sid);
            }
            for (AwsPrincipal p : s.principal().aws()) {
                switch (p.kind()) {
                    case ACCOUNT:
                        add(out, Kind.ACCOUNT, "arn:" + (p.partition() == null ? partition : p.partition()) + ":iam::"
                                + p.account() + ":root", sid);
                        break;
                    case ROLE:
                    case USER:
                    case ASSUMED_ROLE:
                    case FEDERATED_USER:
                        add(out, Kind.PRINCIPAL, p.text(), sid);
                        break;
                    default:
                        break;
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, Named> out, Kind kind, String id, String sid) {
        out.computeIfAbsent(kind + "|" + id, k -> new Named(kind, id, new TreeSet<>())).sids().add(sid);
    }
}
