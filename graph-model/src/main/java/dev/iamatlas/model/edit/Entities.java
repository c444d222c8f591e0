package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.List;
import java.util.function.Function;

/** Finds and replaces one entity of a snapshot, sharing every other one. */
final class Entities {
    private Entities() {
    }

    static LambdaFunction function(AccountSnapshot s, String unqualifiedArn) {
        return find(s.functions(), LambdaFunction::arn, unqualifiedArn, "function");
    }

    static IamRole role(AccountSnapshot s, String arn) {
        return find(s.iam().roles(), IamRole::arn, arn, "role");
    }

    static IamUser user(AccountSnapshot s, String arn) {
        return find(s.iam().users(), IamUser::arn, arn, "user");
    }

    static IamGroup group(AccountSnapshot s, String arn) {
        return find(s.iam().groups(), IamGroup::arn, arn, "group");
    }

    static ManagedPolicy managedPolicy(AccountSnapshot s, String arn) {
        return find(s.iam().managedPolicies(), ManagedPolicy::arn, arn, "managed policy");
    }

    static RestApi restApi(AccountSnapshot s, String id) {
        return find(s.restApis(), RestApi::id, id, "REST API");
    }

    static ApiV2 apiV2(AccountSnapshot s, String id) {
        return find(s.apisV2(), ApiV2::apiId, id, "HTTP/WebSocket API");
    }

    private static <T> T find(List<T> list, Function<T, String> id, String wanted, String what) {
        for (T t : list) {
            if (id.apply(t).equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("the snapshot has no " + what + " " + wanted);
    }

    static AccountSnapshot replace(AccountSnapshot s, LambdaFunction next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.functions(), LambdaFunction::arn, next.arn(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, IamRole next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.roles(), IamRole::arn, next.arn(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, IamUser next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.users(), IamUser::arn, next.arn(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, IamGroup next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.groups(), IamGroup::arn, next.arn(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, ManagedPolicy next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.managedPolicies(), ManagedPolicy::arn, next.arn(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, RestApi next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.restApis(), RestApi::id, next.id(), next);
        return b.build();
    }

    static AccountSnapshot replace(AccountSnapshot s, ApiV2 next) {
        AccountSnapshot.Builder b = s.toBuilder();
        replace(b.apisV2(), ApiV2::apiId, next.apiId(), next);
        return b.build();
    }

    private static <T> void replace(List<T> list, Function<T, String> id, String wanted, T next) {
        for (int i = 0; i < list.size(); i++) {
            if (id.apply(list.get(i)).equals(wanted)) {
                list.set(i, next);
                return;
            }
        }
        throw new IllegalArgumentException("the snapshot has no entity " + wanted);
    }
}
