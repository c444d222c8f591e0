package dev.iamatlas.model.rules;

import java.util.List;

/** Every rule that builds the access graph, registered in one place, in the order their edges are built. */
public final class RuleRegistry {
    private RuleRegistry() {
    }

    /** The rules, one per kind of link. */
    public static List<AccessRule> rules() {
        return List.of(
                new CallersReachRoutes(),
                new RoutesGuardedByAuthorizers(),
                new RoutesInvokeFunctions(),
                new RoutesInvokeViaCredentialsRole(),
                new ResourcePolicyInvokers(),
                new FunctionUrlCallers(),
                new AliasesResolveToVersions(),
                new FunctionsRunAsRoles(),
                new PrincipalsAssumeRoles(),
                new UsersBelongToGroups(),
                new PrincipalCapabilities());
    }
}
