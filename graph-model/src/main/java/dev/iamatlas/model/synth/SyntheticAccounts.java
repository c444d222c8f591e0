package dev.iamatlas.model.synth;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestResource;

/** How a snapshot's size is counted, the same way for the generator, its tests and the benchmarks. */
public final class SyntheticAccounts {
    private SyntheticAccounts() {
    }

    /** REST API methods (every resource's methods, OPTIONS included) plus HTTP and WebSocket routes. */
    public static int routeCount(AccountSnapshot snapshot) {
        int routes = 0;
        for (RestApi api : snapshot.restApis()) {
            for (RestResource resource : api.resources()) {
                routes += resource.methods().size();
            }
        }
        for (ApiV2 api : snapshot.apisV2()) {
            routes += api.routes().size();
        }
        return routes;
    }

    /**
     * Identity and resource policy documents: inline policies of users, groups and roles, managed policies (each
     * counted once, however many versions it has), and resource policies (of functions, aliases, versions and
     * REST APIs). Trust policies and SCPs are not counted.
     */
    public static int policyCount(AccountSnapshot snapshot) {
        int count = snapshot.iam().managedPolicies().size();
        for (IamRole role : snapshot.iam().roles()) {
            count += role.inlinePolicies().size();
        }
        for (IamUser user : snapshot.iam().users()) {
            count += user.inlinePolicies().size();
        }
        for (IamGroup group : snapshot.iam().groups()) {
            count += group.inlinePolicies().size();
        }
        for (LambdaFunction function : snapshot.functions()) {
            count += function.resourcePolicy() == null ? 0 : 1;
            for (FunctionVersion version : function.versions()) {
                count += version.resourcePolicy() == null ? 0 : 1;
            }
            for (FunctionAlias alias : function.aliases()) {
                count += alias.resourcePolicy() == null ? 0 : 1;
            }
        }
        for (RestApi api : snapshot.restApis()) {
            count += api.policy() == null ? 0 : 1;
        }
        return count;
    }
}
