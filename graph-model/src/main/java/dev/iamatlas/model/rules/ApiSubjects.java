package dev.iamatlas.model.rules;

import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Subjects of per-API units: {@code rest:ID} and {@code v2:ID}, and the API one names as the per-API rules see it. */
final class ApiSubjects {
    private ApiSubjects() {
    }

    static List<String> of(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        for (String id : index.restApiIds()) {
            out.add("rest:" + id);
        }
        for (String id : index.apiV2Ids()) {
            out.add("v2:" + id);
        }
        return out;
    }

    static boolean isV2(String subject) {
        return subject.startsWith("v2:");
    }

    static String id(String subject) {
        return subject.substring(subject.indexOf(':') + 1);
    }

    /**
     * One API, REST or HTTP/WebSocket, as the per-API rules see it.
     *
     * @param id the API id
     * @param v2 whether it is an HTTP or WebSocket API
     * @param region its region
     * @param routes its routes (methods), one per stage
     * @param authorizers its authorizers
     * @param stageVariables each stage's variables, by stage name
     */
    record Api(String id, boolean v2, String region, List<ApiRoutes.Route> routes,
            List<ApiRoutes.Authorizer> authorizers, Map<String, Map<String, String>> stageVariables) {

        /**
         * The function a Lambda authorizer invokes: one target per stage when its URI uses stage variables (each
         * stage resolves them its own way), else a single target whose stage is null.
         */
        List<StagedTarget> authorizerTargets(ApiRoutes.Authorizer a, UnitContext ctx) {
            if (!LambdaTarget.usesStageVariables(a.uri())) {
                return List.of(new StagedTarget(null, LambdaTarget.resolve(a.uri(), Map.of(), ctx)));
            }
            List<StagedTarget> out = new ArrayList<>();
            stageVariables.forEach((stage, variables) ->
                    out.add(new StagedTarget(stage, LambdaTarget.resolve(a.uri(), variables, ctx))));
            return out;
        }
    }

    /** A Lambda target as one stage resolves it; {@code stage} is null when no stage variable is involved. */
    record StagedTarget(String stage, LambdaTarget target) {
    }

    /** The API {@code subject} names, its reads recorded in {@code ctx}; null when the snapshot does not hold it. */
    static Api load(String subject, UnitContext ctx) {
        String id = id(subject);
        if (isV2(subject)) {
            ApiV2 api = ctx.apiV2(id);
            return api == null ? null : new Api(id, true, api.region(), ctx.run().routes(subject),
                    ApiRoutes.authorizers(api, ctx.partition(), ctx.account()), ApiRoutes.stageVariables(api));
        }
        RestApi api = ctx.restApi(id);
        return api == null ? null : new Api(id, false, api.region(), ctx.run().routes(subject),
                ApiRoutes.authorizers(api, ctx.partition(), ctx.account()), ApiRoutes.stageVariables(api));
    }
}
