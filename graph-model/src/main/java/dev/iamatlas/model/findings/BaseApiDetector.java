package dev.iamatlas.model.findings;

import dev.iamatlas.model.rules.EntityKey;
import dev.iamatlas.model.rules.SnapshotIndex;
import java.util.List;
import java.util.Set;

/** A detector that examines one API at a time: subjects {@code rest:ID} and {@code v2:ID}. */
abstract class BaseApiDetector extends BaseDetector {

    @Override
    public final Set<EntityKey.Kind> subjectKinds() {
        return EntityKey.API_LISTS;
    }

    @Override
    public final List<String> subjects(SnapshotIndex index) {
        return apis(index);
    }
}
