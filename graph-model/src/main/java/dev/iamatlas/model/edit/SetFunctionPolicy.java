package dev.iamatlas.model.edit;

import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;

/** Replaces the whole resource policy of a function, alias or version (null removes it): a free-form what-if edit. */
public final class SetFunctionPolicy extends BaseEdit<LambdaFunction> {
    private final LambdaArns.FunctionArn target;
    private final PolicyText policy;

    /**
     * @param functionArn the function, alias or version ARN
     * @param policy the new policy, or null for none
     */
    public SetFunctionPolicy(String functionArn, PolicyText policy) {
        this.target = FunctionPolicies.parse(functionArn);
        this.policy = policy;
    }

    @Override
    public String description() {
        return (policy == null ? "remove the resource policy of " : "replace the resource policy of ") + target.name()
                + (target.qualifier() == null ? "" : ":" + target.qualifier());
    }

    @Override
    LambdaFunction read(AccountSnapshot snapshot) {
        return Entities.function(snapshot, target.unqualified());
    }

    @Override
    LambdaFunction change(LambdaFunction f) {
        FunctionPolicies.policy(f, target.qualifier());
        return FunctionPolicies.rewrite(f, target.qualifier(), old -> policy);
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, LambdaFunction f) {
        return Entities.replace(snapshot, f);
    }
}
