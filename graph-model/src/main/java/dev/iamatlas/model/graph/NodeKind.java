package dev.iamatlas.model.graph;

/**
 * What a vertex of the access graph stands for. Each kind belongs to one {@link Tier} of the chain
 * callers → API routes → functions → roles → capabilities, which the diagram lays out left to right.
 */
public enum NodeKind {
    /** Anyone on the Internet, unauthenticated. */
    INTERNET("Internet", Tier.CALLER),
    /** Any authenticated AWS principal, of any account. */
    ANY_AWS_PRINCIPAL("Any AWS principal", Tier.CALLER),
    /** A whole AWS account named in a policy (its root), other than the scanned one. */
    AWS_ACCOUNT("AWS account", Tier.CALLER),
    /** An AWS service principal such as {@code apigateway.amazonaws.com}. */
    SERVICE_PRINCIPAL("AWS service", Tier.CALLER),
    /** A federated identity provider (OIDC or SAML) or a federated user. */
    FEDERATED_PRINCIPAL("Federated principal", Tier.CALLER),
    /** Callers that pass an authorizer (Lambda, JWT or Cognito) of an API. */
    AUTHORIZED_CALLER("Authorized caller", Tier.CALLER),
    /** A VPC endpoint through which a private API is called. */
    VPC_ENDPOINT("VPC endpoint", Tier.CALLER),
    /** An IAM user. */
    IAM_USER("IAM user", Tier.CALLER),
    /** An IAM group. */
    IAM_GROUP("IAM group", Tier.CALLER),

    /** An API Gateway REST API (v1). */
    REST_API("REST API", Tier.API),
    /** An API Gateway HTTP or WebSocket API (v2). */
    HTTP_API("HTTP/WebSocket API", Tier.API),
    /** One method of a REST API, or one route of an HTTP/WebSocket API, in one stage. */
    API_ROUTE("API route", Tier.API),
    /** An API authorizer: who may call the routes it guards. */
    API_AUTHORIZER("Authorizer", Tier.API),

    /** A Lambda function URL. */
    FUNCTION_URL("Function URL", Tier.FUNCTION),
    /** A Lambda function (unqualified, {@code $LATEST}). */
    LAMBDA_FUNCTION("Lambda function", Tier.FUNCTION),
    /** A Lambda alias. */
    LAMBDA_ALIAS("Lambda alias", Tier.FUNCTION),
    /** A published Lambda version. */
    LAMBDA_VERSION("Lambda version", Tier.FUNCTION),

    /** An IAM role. */
    IAM_ROLE("IAM role", Tier.ROLE),

    /** What a role can do: a service's actions on a resource pattern. */
    CAPABILITY("Capability", Tier.CAPABILITY);

    private final String displayName;
    private final Tier tier;

    NodeKind(String displayName, Tier tier) {
        this.displayName = displayName;
        this.tier = tier;
    }

    /** A short human name, such as "Lambda function". */
    public String displayName() {
        return displayName;
    }

    /** The column of the chain this kind belongs to. */
    public Tier tier() {
        return tier;
    }

    /** The columns of the chain, left to right. */
    public enum Tier {
        CALLER, API, FUNCTION, ROLE, CAPABILITY
    }
}
