package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamData;
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
        return new AccountSnapshot(s.metadata(), s.iam(), s.organization(),
                replaced(s.functions(), LambdaFunction::arn, next.arn(), next), s.restApis(), s.apisV2(), s.gaps());
    }

    static AccountSnapshot replace(AccountSnapshot s, IamRole next) {
        IamData iam = s.iam();
        return withIam(s, new IamData(iam.users(), iam.groups(), replaced(iam.roles(), IamRole::arn, next.arn(), next),
                iam.managedPolicies()));
    }

    static AccountSnapshot replace(AccountSnapshot s, IamUser next) {
        IamData iam = s.iam();
        return withIam(s, new IamData(replaced(iam.users(), IamUser::arn, next.arn(), next), iam.groups(), iam.roles(),
                iam.managedPolicies()));
    }

    static AccountSnapshot replace(AccountSnapshot s, IamGroup next) {
        IamData iam = s.iam();
        return withIam(s, new IamData(iam.users(), replaced(iam.groups(), IamGroup::arn, next.arn(), next), iam.roles(),
                iam.managedPolicies()));
    }

    static AccountSnapshot replace(AccountSnapshot s, ManagedPolicy next) {
        IamData iam = s.iam();
        return withIam(s, new IamData(iam.users(), iam.groups(), iam.roles(),
                replaced(iam.managedPolicies(), ManagedPolicy::arn, next.arn(), next)));
    }

    static AccountSnapshot replace(AccountSnapshot s, RestApi next) {
        return new AccountSnapshot(s.metadata(), s.iam(), s.organization(), s.functions(),
                replaced(s.restApis(), RestApi::id, next.id(), next), s.apisV2(), s.gaps());
    }

    static AccountSnapshot replace(AccountSnapshot s, ApiV2 next) {
        return new AccountSnapshot(s.metadata(), s.iam(), s.organization(), s.functions(), s.restApis(),
                replaced(s.apisV2(), ApiV2::apiId, next.apiId(), next), s.gaps());
    }

    /**
     * The snapshot with other IAM data and every other list shared (not copied): so the analysis can tell at once
     * what an edit left alone.
     */
    private static AccountSnapshot withIam(AccountSnapshot s, IamData iam) {
        return new AccountSnapshot(s.metadata(), iam, s.organization(), s.functions(), s.restApis(), s.apisV2(),
                s.gaps());
    }

    /** A copy of {@code list} with the entity whose id is {@code wanted} replaced by {@code next}. */
    private static <T> List<T> replaced(List<T> list, Function<T, String> id, String wanted, T next) {
        List<T> copy = new java.util.ArrayList<>(list);
        replace(copy, id, wanted, next);
        return copy;
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
