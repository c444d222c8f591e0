package dev.iamatlas.model.findings;

import dev.iamatlas.model.rules.SnapshotIndex;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.List;

/** A detector that examines one Lambda function at a time (with its aliases, versions and URLs). */
abstract class BaseFunctionDetector extends BaseDetector {

    /** Subjects: every function ARN. */
    @Override
    public final java.util.Set<dev.iamatlas.model.rules.EntityKey.Kind> subjectKinds() {
        return dev.iamatlas.model.rules.EntityKey.FUNCTION_LIST;
    }

    @Override
    public final List<String> subjects(SnapshotIndex index) {
        return functions(index);
    }

    /** Looks the function up (recording the read) and examines it; a function no longer in the snapshot is skipped. */
    @Override
    public final void detect(String subject, FindingContext ctx) {
        LambdaFunction f = ctx.function(subject);
        if (f != null) {
            detect(f, ctx);
        }
    }

    /** Examines one function. */
    abstract void detect(LambdaFunction f, FindingContext ctx);
}
