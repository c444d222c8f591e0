package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.Objects;

/**
 * Replaces a REST API's resource policy (null removes it) — takes effect on the next deployment in AWS; here, at
 * once.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html">API Gateway resource policies</a>
 */
public final class SetApiResourcePolicy extends BaseEdit<RestApi> {
    private final String apiId;
    private final PolicyText policy;

    /**
     * @param apiId the REST API id
     * @param policy the new policy, or null for none
     */
    public SetApiResourcePolicy(String apiId, PolicyText policy) {
        this.apiId = Objects.requireNonNull(apiId, "apiId");
        this.policy = policy;
    }

    @Override
    public String description() {
        return (policy == null ? "remove" : "replace") + " the resource policy of REST API " + apiId;
    }

    @Override
    RestApi read(AccountSnapshot snapshot) {
        return Entities.restApi(snapshot, apiId);
    }

    @Override
    RestApi change(RestApi api) {
        return api.toBuilder().policy(policy).build();
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, RestApi api) {
        return Entities.replace(snapshot, api);
    }
}
