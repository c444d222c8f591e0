package dev.iamatlas.model.rules;

import java.util.List;

/** A rule with one unit per API, REST ({@code rest:ID}) or HTTP/WebSocket ({@code v2:ID}). */
abstract class BaseApiRule implements AccessRule {

    /** Subjects: every API. */
    @Override
    public final java.util.Set<EntityKey.Kind> subjectKinds() {
        return EntityKey.API_LISTS;
    }

    @Override
    public final List<String> subjects(SnapshotIndex index) {
        return ApiSubjects.of(index);
    }

    /** Loads the API (recording the read) and computes its unit; an API no longer there has none. */
    @Override
    public final void compute(String subject, UnitContext ctx) {
        ApiSubjects.Api api = ApiSubjects.load(subject, ctx);
        if (api != null) {
            compute(api, ctx);
        }
    }

    /** Computes the unit of one API. */
    abstract void compute(ApiSubjects.Api api, UnitContext ctx);
}
