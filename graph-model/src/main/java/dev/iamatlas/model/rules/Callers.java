package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stand-ins for callers the snapshot cannot list one by one: any principal of an account, any AWS principal, the
 * anonymous caller. A stand-in principal carries a policy that allows everything in place of its own identity
 * policies (which live in another account, or differ from principal to principal), so that the evaluation answers
 * what the resource side and the organization allow; edges from stand-ins are therefore at best CONDITIONAL.
 */
final class Callers {
    private Callers() {
    }

    /** The caller stand-in role name. */
    static final String STAND_IN = "iam-atlas-any-principal";
    /** The account a stand-in for "any account" uses. */
    static final String SOME_ACCOUNT = "000000000000";

    private static final PolicyText ALLOW_ALL = PolicyText.of(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    /** Keys absent from an anonymous request. */
    static final Set<String> ANONYMOUS_ABSENT = union(ContextKeys.PRINCIPAL_IDENTITY, ContextKeys.SOURCE,
            Set.of("aws:principalisawsservice", "aws:principalservicename", "aws:calledvia", "aws:viaawsservice"));
    /** Keys absent from an anonymous request from the Internet to a public endpoint. */
    static final Set<String> INTERNET_ABSENT = union(ANONYMOUS_ABSENT, ContextKeys.VPC);
    /** Keys absent when a service principal calls on behalf of a resource. */
    static final Set<String> SERVICE_ABSENT = union(ContextKeys.PRINCIPAL_IDENTITY, ContextKeys.VPC);
    /** Keys absent when an IAM principal calls directly (no service acting for a resource). */
    static final Set<String> PRINCIPAL_ABSENT = ContextKeys.SOURCE;

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return Set.copyOf(out);
    }

    /** The stand-in identity policy. */
    static PolicySource assumedIdentity(UnitContext ctx, String whose) {
        return ctx.source(whose + "'s identity-based policies (not in this snapshot; assumed to allow)",
                PolicyType.IDENTITY, null, ALLOW_ALL);
    }

    /** A stand-in principal of {@code account}. */
    static String standIn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role/" + STAND_IN;
    }

    /** The account a stand-in for "any account" uses: one that is not the analysed account. */
    static String someOtherAccount(String own) {
        return own.equals(SOME_ACCOUNT) ? "000000000001" : SOME_ACCOUNT;
    }

    /**
     * A request from any principal of the analysed account whose identity policies allow it: the stand-in, the
     * account's SCPs, and the principal keys unknown.
     */
    static Check.Builder ownAccountPrincipal(UnitContext ctx, Check.Builder b) {
        return b.principal(standIn(ctx.partition(), ctx.account())).representative(true)
                .shownAs("any principal of this account (" + ctx.account() + ") whose identity policies allow it")
                .identity(List.of(assumedIdentity(ctx, "the caller"))).scps(ctx.scps())
                .context("aws:PrincipalAccount", ctx.account()).context("aws:PrincipalIsAWSService", "false");
    }

    /** A request from any principal of another account. */
    static Check.Builder otherAccountPrincipal(UnitContext ctx, String account, Check.Builder b) {
        return b.principal(standIn(ctx.partition(), account)).representative(true)
                .shownAs("any principal of account " + account)
                .identity(List.of(assumedIdentity(ctx, "the caller")))
                .context("aws:PrincipalAccount", account).context("aws:PrincipalIsAWSService", "false");
    }

    /** A request from any authenticated principal of any account. */
    static Check.Builder anyPrincipal(UnitContext ctx, Check.Builder b) {
        return b.principal(standIn(ctx.partition(), someOtherAccount(ctx.account()))).representative(true)
                .shownAs("any AWS principal (of any account)")
                .identity(List.of(assumedIdentity(ctx, "the caller"))).context("aws:PrincipalIsAWSService", "false");
    }

    /** A request from a named principal of another account (its policies unknown). */
    static Check.Builder externalPrincipal(UnitContext ctx, String arn, Check.Builder b) {
        String account = arn.split(":", 6)[4];
        return b.principal(arn).representative(true).shownAs(arn)
                .identity(List.of(assumedIdentity(ctx, arn)))
                .context("aws:PrincipalArn", arn).context("aws:PrincipalAccount", account)
                .context("aws:PrincipalIsAWSService", "false");
    }

    /** At most CONDITIONAL: for callers whose own side the snapshot cannot decide. */
    static EdgeStatus atMostConditional(EdgeStatus s) {
        return s == EdgeStatus.ALLOWED ? EdgeStatus.CONDITIONAL : s;
    }
}
