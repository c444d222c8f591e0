package dev.iamatlas.model.bench;

import dev.iamatlas.model.edit.AddLambdaPermission;
import dev.iamatlas.model.edit.AttachManagedPolicy;
import dev.iamatlas.model.edit.RemoveLambdaPermission;
import dev.iamatlas.model.edit.SetInlinePolicy;
import dev.iamatlas.model.edit.SetManagedPolicyDocument;
import dev.iamatlas.model.edit.SetRoleTrustPolicy;
import dev.iamatlas.model.edit.SnapshotEdit;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The single-policy what-if edits the access-graph benchmark times, chosen from any account: API Gateway
 * permissions added and removed and a public one, inline policies, trust policies, a managed policy attached, and a
 * new default version of the least, the second most and the most widely attached managed policy. Each edit changes one entity;
 * the kinds an account has nothing for (no functions, no managed policies) are left out.
 *
 * <p>Every pass of the benchmark applies the same edits to the same entities with other documents (another action
 * in each pass), so that a later pass is an edit the analysis has not seen, only with the code already compiled.
 */
public final class BenchmarkEdits {
    /** A kind of edit: what the benchmark reports it as. */
    public enum Kind {
        PERMISSION_ADD("Lambda permission, add (API Gateway, any API)"),
        PERMISSION_REMOVE("Lambda permission, remove"),
        PERMISSION_PUBLIC("Lambda permission, public"),
        INLINE_ADMIN("inline policy, admin, on a role"),
        INLINE_EXECUTION_ROLE("inline policy on an execution role"),
        INLINE_ASSUME("inline policy, sts:AssumeRole on *"),
        TRUST("trust policy of a role"),
        TRUST_EXECUTION_ROLE("trust policy of an execution role"),
        ATTACH("attach a managed policy"),
        MANAGED_RARE("managed policy, least attached"),
        MANAGED_SECOND("managed policy, second most attached"),
        MANAGED_POPULAR("managed policy, most attached");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the benchmark names it. */
        public String label() {
            return label;
        }
    }

    /**
     * One edit.
     *
     * @param kind what it stands for
     * @param edit the edit
     */
    public record Labelled(Kind kind, SnapshotEdit edit) {
        public Labelled {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(edit, "edit");
        }
    }

    /** The actions a pass's documents allow: pass {@code n} uses the {@code n % 4}th. */
    private static final List<String> ACTIONS = List.of("s3:GetObject", "dynamodb:GetItem", "sqs:ReceiveMessage",
            "kms:Decrypt");

    private BenchmarkEdits() {
    }

    /**
     * The edits of one pass over {@code account}, in the order they are applied. Linear in the size of the account.
     *
     * @param pass 0 for the first pass; later passes use other documents
     */
    public static List<Labelled> of(AccountSnapshot account, int pass) {
        Objects.requireNonNull(account, "account");
        String action = ACTIONS.get(Math.floorMod(pass, ACTIONS.size()));
        String suffix = pass == 0 ? "" : "-" + pass;
        PolicyText admin = document("{'Effect':'Allow','Action':'*','Resource':'*'}");
        PolicyText assume = document("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}");
        PolicyText read = document("{'Effect':'Allow','Action':'" + action + "','Resource':'*'}");
        PolicyText trustAll = document("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'sts:AssumeRole'}");
        List<Labelled> out = new ArrayList<>();
        List<LambdaFunction> functions = account.functions();
        List<IamRole> roles = account.iam().roles();
        if (!functions.isEmpty()) {
            LambdaFunction fn = functions.get(functions.size() / 2);
            String region = fn.region() != null ? fn.region() : fn.arn().split(":")[3];
            String sid = "iam-atlas-bench" + suffix;
            out.add(new Labelled(Kind.PERMISSION_ADD, AddLambdaPermission.forApiGateway(fn.arn(), sid,
                    "arn:aws:execute-api:" + region + ":" + account.accountId() + ":*/*/*/*", account.accountId())));
            out.add(new Labelled(Kind.PERMISSION_REMOVE, new RemoveLambdaPermission(fn.arn(), sid)));
            out.add(new Labelled(Kind.PERMISSION_PUBLIC, new AddLambdaPermission(functions.get(functions.size() / 3).arn(),
                    "iam-atlas-bench-public" + suffix, "*", "lambda:InvokeFunction", null, null, null)));
        }
        if (!roles.isEmpty()) {
            String role = roles.get(roles.size() / 2).arn();
            String executionRole = executionRole(account);
            String other = roles.get(roles.size() * 11 / 20).arn();
            out.add(new Labelled(Kind.INLINE_ADMIN, new SetInlinePolicy(role, "iam-atlas-bench", admin)));
            out.add(new Labelled(Kind.INLINE_EXECUTION_ROLE, new SetInlinePolicy(executionRole, "iam-atlas-bench", read)));
            out.add(new Labelled(Kind.INLINE_ASSUME, new SetInlinePolicy(role, "iam-atlas-bench-assume", assume)));
            out.add(new Labelled(Kind.TRUST, new SetRoleTrustPolicy(other, trustAll)));
            out.add(new Labelled(Kind.TRUST_EXECUTION_ROLE, new SetRoleTrustPolicy(executionRole, trustAll)));
            Map<String, Integer> attached = attachments(account);
            List<ManagedPolicy> managed = account.iam().managedPolicies();
            if (!managed.isEmpty()) {
                // by attachments, most first; ties in snapshot order
                List<String> ranked = new ArrayList<>();
                managed.forEach(p -> ranked.add(p.arn()));
                ranked.sort((a, b) -> Integer.compare(attached.getOrDefault(b, 0), attached.getOrDefault(a, 0)));
                String popular = ranked.get(0);
                String rare = ranked.get(ranked.size() - 1);
                IamRole target = roles.get(roles.size() / 2);
                if (!target.attachedPolicyArns().contains(rare)) {
                    out.add(new Labelled(Kind.ATTACH, new AttachManagedPolicy(target.arn(), rare)));
                }
                out.add(new Labelled(Kind.MANAGED_RARE, new SetManagedPolicyDocument(rare, read)));
                if (ranked.size() > 2) {
                    out.add(new Labelled(Kind.MANAGED_SECOND, new SetManagedPolicyDocument(ranked.get(1), read)));
                }
                out.add(new Labelled(Kind.MANAGED_POPULAR, new SetManagedPolicyDocument(popular, read)));
            }
        }
        return out;
    }

    /**
     * How many principals each managed policy applies to: the roles and users that attach it (or use it as their
     * boundary) and the members of the groups that attach it.
     */
    public static Map<String, Integer> attachments(AccountSnapshot account) {
        Map<String, Integer> members = new HashMap<>();
        for (IamUser u : account.iam().users()) {
            u.groups().forEach(g -> members.merge(g, 1, Integer::sum));
        }
        Map<String, Integer> out = new HashMap<>();
        for (IamRole r : account.iam().roles()) {
            r.attachedPolicyArns().forEach(p -> out.merge(p, 1, Integer::sum));
            if (r.permissionsBoundaryArn() != null) {
                out.merge(r.permissionsBoundaryArn(), 1, Integer::sum);
            }
        }
        for (IamUser u : account.iam().users()) {
            u.attachedPolicyArns().forEach(p -> out.merge(p, 1, Integer::sum));
            if (u.permissionsBoundaryArn() != null) {
                out.merge(u.permissionsBoundaryArn(), 1, Integer::sum);
            }
        }
        for (IamGroup g : account.iam().groups()) {
            int n = members.getOrDefault(g.name(), 0);
            if (n > 0) {
                g.attachedPolicyArns().forEach(p -> out.merge(p, n, Integer::sum));
            }
        }
        return out;
    }

    /** The execution role of the middle function that has one in the account, else a role. */
    private static String executionRole(AccountSnapshot account) {
        List<LambdaFunction> functions = account.functions();
        java.util.Set<String> roles = new java.util.HashSet<>();
        account.iam().roles().forEach(r -> roles.add(r.arn()));
        for (int i = 0; i < functions.size(); i++) {
            LambdaFunction f = functions.get((functions.size() / 2 + i) % functions.size());
            if (f.roleArn() != null && roles.contains(f.roleArn())) {
                return f.roleArn();
            }
        }
        return account.iam().roles().get(Math.min(3, account.iam().roles().size() - 1)).arn();
    }

    private static PolicyText document(String statement) {
        return PolicyText.of(("{'Version':'2012-10-17','Statement':[" + statement + "]}").replace('\'', '"'));
    }
}
