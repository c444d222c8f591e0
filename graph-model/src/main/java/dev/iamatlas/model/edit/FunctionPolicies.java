package dev.iamatlas.model.edit;

import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reads and rewrites the resource policy of a function, alias or version named by a (qualified) ARN. */
final class FunctionPolicies {
    private FunctionPolicies() {
    }

    /** The policy of the target, or null when it has none. */
    static PolicyText policy(LambdaFunction f, String qualifier) {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return f.resourcePolicy();
        }
        for (FunctionAlias a : f.aliases()) {
            if (a.name().equals(qualifier)) {
                return a.resourcePolicy();
            }
        }
        for (FunctionVersion v : f.versions()) {
            if (v.version().equals(qualifier)) {
                return v.resourcePolicy();
            }
        }
        throw new IllegalArgumentException("function " + f.name() + " has no alias or version " + qualifier);
    }

    /** The function with the target's policy replaced by {@code change} applied to it. */
    static LambdaFunction rewrite(LambdaFunction f, String qualifier, UnaryOperator<PolicyText> change) {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return f.toBuilder().resourcePolicy(change.apply(f.resourcePolicy())).build();
        }
        List<FunctionAlias> aliases = new ArrayList<>(f.aliases());
        for (int i = 0; i < aliases.size(); i++) {
            FunctionAlias a = aliases.get(i);
            if (a.name().equals(qualifier)) {
                aliases.set(i, new FunctionAlias(a.name(), a.arn(), a.functionVersion(), a.additionalVersionWeights(),
                        change.apply(a.resourcePolicy())));
                return f.toBuilder().aliases(aliases).build();
            }
        }
        List<FunctionVersion> versions = new ArrayList<>(f.versions());
        for (int i = 0; i < versions.size(); i++) {
            FunctionVersion v = versions.get(i);
            if (v.version().equals(qualifier)) {
                versions.set(i, new FunctionVersion(v.version(), v.arn(), v.roleArn(), change.apply(v.resourcePolicy())));
                return f.toBuilder().versions(versions).build();
            }
        }
        throw new IllegalArgumentException("function " + f.name() + " has no alias or version " + qualifier);
    }

    /** Splits a (qualified) function ARN; throws when it is not one. */
    static LambdaArns.FunctionArn parse(String arn) {
        LambdaArns.FunctionArn parsed = LambdaArns.parse(arn);
        if (parsed == null) {
            throw new IllegalArgumentException("not a Lambda function ARN: " + arn);
        }
        return parsed;
    }
}
