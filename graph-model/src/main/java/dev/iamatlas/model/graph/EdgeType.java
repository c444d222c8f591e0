package dev.iamatlas.model.graph;

/** The kind of link an edge stands for. */
public enum EdgeType {
    /** A caller may call an API route (the API's resource policy and the route's authorization decide). */
    CALLS_ROUTE("calls"),
    /** A route is guarded by an authorizer. */
    GUARDED_BY("guarded by"),
    /** API Gateway invokes a Lambda function for a route or an authorizer, under the function's resource policy. */
    INVOKES("invokes"),
    /** API Gateway invokes a Lambda function through the integration's credentials role. */
    INVOKES_VIA_ROLE("invokes via role"),
    /** An integration uses a credentials role that API Gateway must be able to assume. */
    USES_CREDENTIALS_ROLE("uses role"),
    /** A principal may invoke a function, alias or version directly ({@code lambda:InvokeFunction}). */
    CAN_INVOKE("can invoke"),
    /** A caller may call a function URL ({@code lambda:InvokeFunctionUrl}). */
    CALLS_FUNCTION_URL("calls URL"),
    /** A function URL or alias resolves to a function or version. */
    RESOLVES_TO("resolves to"),
    /** A function runs with an execution role. */
    RUNS_AS("runs as"),
    /** A principal may assume a role ({@code sts:AssumeRole}): trust policy and identity policy together. */
    CAN_ASSUME("can assume"),
    /** A user is a member of a group. */
    MEMBER_OF("member of"),
    /** A role or user can perform a capability's actions. */
    CAN_PERFORM("can");

    private final String verb;

    EdgeType(String verb) {
        this.verb = verb;
    }

    /** A short verb for diagram labels, such as "invokes". */
    public String verb() {
        return verb;
    }
}
