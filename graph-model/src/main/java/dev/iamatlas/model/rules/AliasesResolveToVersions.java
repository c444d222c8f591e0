package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RESOLVES_TO: an alias points at a version (and, with weighted routing, at a second one); invoking the alias runs
 * that version, with that version's execution role. An alias whose version is not in the snapshot gives a DENIED
 * edge to a placeholder. This rule is the authority for alias nodes.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html">Lambda function aliases</a>
 */
public final class AliasesResolveToVersions extends BaseFunctionRule {

    @Override
    public String name() {
        return "AliasesResolveToVersions";
    }

    @Override
    boolean concerns(LambdaFunction f) {
        return !f.aliases().isEmpty();
    }

    @Override
    void compute(LambdaFunction f, UnitContext ctx) {
        for (FunctionAlias a : f.aliases()) {
            ctx.node(Nodes.alias(f, a, ctx.account()));
            resolve(ctx, f, a, a.functionVersion(), null);
            for (Map.Entry<String, Double> w : a.additionalVersionWeights().entrySet()) {
                resolve(ctx, f, a, w.getKey(), w.getValue());
            }
        }
    }

    private static void resolve(UnitContext ctx, LambdaFunction f, FunctionAlias a, String version, Double weight) {
        String lead = f.name() + ":" + a.name() + " resolves to " + (version == null ? "?" : version.equals("$LATEST")
                ? f.name() + " ($LATEST)" : f.name() + ":" + version)
                + (weight == null ? "" : String.format(Locale.ROOT, " for %.0f%% of invocations", weight * 100));
        AccessEdge.Builder b;
        if (version == null || version.equals("$LATEST")) {
            ctx.reference(Nodes.function(f, ctx.account()));
            b = Edges.structural(EdgeType.RESOLVES_TO, a.arn(), f.arn(), EdgeStatus.ALLOWED, lead, List.of());
        } else {
            FunctionVersion v = ctx.run().index().version(f, version);
            String versionArn = f.arn() + ":" + version;
            if (v == null) {
                String why = "version " + version + " of " + f.name() + " is not in the snapshot";
                ctx.reference(Nodes.missingFunction(versionArn, NodeKind.LAMBDA_VERSION, why));
                b = Edges.structural(EdgeType.RESOLVES_TO, a.arn(), versionArn, EdgeStatus.DENIED, lead + " — " + why,
                        List.of(why)).attribute(AccessEdge.BROKEN_BECAUSE, why);
            } else {
                ctx.reference(Nodes.version(f, v, ctx.account()));
                b = Edges.structural(EdgeType.RESOLVES_TO, a.arn(), v.arn(), EdgeStatus.ALLOWED, lead, List.of());
            }
        }
        if (weight != null) {
            b.discriminator("weighted").attribute(AccessEdge.WEIGHT, String.format(Locale.ROOT, "%.2f", weight));
        }
        ctx.edge(b.build());
    }
}
