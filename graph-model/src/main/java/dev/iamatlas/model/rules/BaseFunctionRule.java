package dev.iamatlas.model.rules;

import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;

/** A rule with one unit per Lambda function (its aliases, versions and URLs included). */
abstract class BaseFunctionRule implements AccessRule {

    /** Whether the rule has anything to do for {@code f}; every function unless a rule says otherwise. */
    boolean concerns(LambdaFunction f) {
        return true;
    }

    /** Subjects: the ARN of every function the rule {@link #concerns}. */
    @Override
    public final java.util.Set<EntityKey.Kind> subjectKinds() {
        return EntityKey.FUNCTION_LIST;
    }

    @Override
    public final List<String> subjects(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        for (LambdaFunction f : index.snapshot().functions()) {
            if (concerns(f)) {
                out.add(f.arn());
            }
        }
        return out;
    }

    /** Looks the function up (recording the read) and computes its unit; a function no longer there has none. */
    @Override
    public final void compute(String subject, UnitContext ctx) {
        LambdaFunction f = ctx.function(subject);
        if (f != null) {
            compute(f, ctx);
        }
    }

    /** Computes the unit of one function. */
    abstract void compute(LambdaFunction f, UnitContext ctx);
}
