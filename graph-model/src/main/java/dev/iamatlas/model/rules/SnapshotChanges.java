package dev.iamatlas.model.rules;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Which entities differ between two snapshots of the same account: added, removed or changed functions, roles,
 * users, groups, managed policies, APIs, the organization, and the entities whose scan gaps changed. Linear in the
 * size of the snapshots; unchanged entities shared by both snapshots (the usual case after an edit, which copies
 * only what it changes) are compared by reference.
 */
public final class SnapshotChanges {
    private SnapshotChanges() {
    }

    /**
     * The keys of every entity that differs.
     *
     * @return the changed keys; empty when the snapshots hold the same entities
     */
    public static Set<EntityKey> between(SnapshotIndex before, SnapshotIndex after) {
        AccountSnapshot a = before.snapshot();
        AccountSnapshot b = after.snapshot();
        Set<EntityKey> keys = new LinkedHashSet<>();
        diff(a.functions(), b.functions(), LambdaFunction::arn, (x, y) -> keys.add(EntityKey.function(x)));
        diff(a.iam().roles(), b.iam().roles(), IamRole::arn, (x, y) -> keys.add(EntityKey.role(x)));
        diff(a.iam().users(), b.iam().users(), IamUser::arn, (x, y) -> keys.add(EntityKey.user(x)));
        diff(a.iam().groups(), b.iam().groups(), IamGroup::name, (x, y) -> keys.add(EntityKey.group(x)));
        diff(a.iam().managedPolicies(), b.iam().managedPolicies(), ManagedPolicy::arn,
                (x, y) -> keys.add(EntityKey.managedPolicy(x)));
        diff(a.restApis(), b.restApis(), RestApi::id, (x, y) -> keys.add(EntityKey.restApi(x)));
        diff(a.apisV2(), b.apisV2(), ApiV2::apiId, (x, y) -> keys.add(EntityKey.apiV2(x)));
        if (!Objects.equals(a.organization(), b.organization())) {
            keys.add(EntityKey.ORGANIZATION);
        }
        if (a.gaps() != b.gaps() && !a.gaps().equals(b.gaps())) {
            Set<ScanGap> was = new HashSet<>(a.gaps());
            Set<ScanGap> now = new HashSet<>(b.gaps());
            for (ScanGap gap : a.gaps()) {
                if (!now.contains(gap)) {
                    keys.addAll(before.keysOf(gap));
                }
            }
            for (ScanGap gap : b.gaps()) {
                if (!was.contains(gap)) {
                    keys.addAll(after.keysOf(gap));
                }
            }
        }
        return keys;
    }

    /** Whether the metadata (account, partition, regions) differs, which needs a full rebuild. */
    public static boolean metadataChanged(AccountSnapshot a, AccountSnapshot b) {
        return !a.accountId().equals(b.accountId()) || !a.metadata().partition().equals(b.metadata().partition())
                || !a.metadata().regions().equals(b.metadata().regions())
                || !globalGaps(a).equals(globalGaps(b));
    }

    private static Set<ScanGap> globalGaps(AccountSnapshot s) {
        Set<ScanGap> out = new HashSet<>();
        for (ScanGap gap : s.gaps()) {
            if (gap.resource() == null && !"organizations".equals(gap.service())) {
                out.add(gap);
            }
        }
        return out;
    }

    /**
     * Compares two lists of the same size element by element: an edit replaces an entity in place. Reports the
     * elements whose content differs and returns true when every position holds the same entity id; returns false at
     * the first position where the ids differ (entities added, removed or moved: the caller compares by id). Linear,
     * and mostly reference comparisons.
     */
    private static <T> boolean sameIdsInOrder(List<T> before, List<T> after, Function<T, String> id,
            BiConsumer<String, T> changed) {
        List<Integer> differing = new java.util.ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            T a = before.get(i);
            T b = after.get(i);
            if (a != b) {
                if (!id.apply(a).equals(id.apply(b))) {
                    return false;
                }
                differing.add(i);
            }
        }
        for (int i : differing) {
            if (!after.get(i).equals(before.get(i))) {
                changed.accept(id.apply(after.get(i)), after.get(i));
            }
        }
        return true;
    }

    private static <T> void diff(List<T> before, List<T> after, Function<T, String> id, BiConsumer<String, T> changed) {
        if (before == after) {
            return;
        }
        if (before.size() == after.size() && sameIdsInOrder(before, after, id, changed)) {
            return;
        }
        Map<String, T> old = new HashMap<>(before.size() * 2);
        for (T t : before) {
            old.put(id.apply(t), t);
        }
        for (T t : after) {
            String key = id.apply(t);
            T was = old.remove(key);
            if (was != t && !t.equals(was)) {
                changed.accept(key, t);
            }
        }
        for (Map.Entry<String, T> gone : old.entrySet()) {
            changed.accept(gone.getKey(), null);
        }
    }
}
