package dev.iamatlas.model.policy;

import java.util.Objects;

/**
 * One entry of a {@code Resource} or {@code NotResource} element: an ARN pattern whose wildcards stay
 * inside their colon-separated segment unless a {@code *} ends its segment (see
 * {@link ResourceArnPattern}), with policy variables when the policy's Version allows them. A
 * variable with no value makes the entry match no resource ("the resource that includes a policy
 * variable with no value will not match any resource", Variables and tags page).
 * Pre-compiled: a pattern without variables is matched without allocation.
 *
 * <p>Lambda function ARNs with a qualifier ({@code function:f:7}, {@code function:f:prod},
 * {@code function:f:$LATEST}) are distinct resources: the unqualified pattern {@code function:f} does
 * not match them; {@code function:f:*} or {@code function:f*} do.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value">Policy variables with no value</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html">Lambda: Fine-tuning the Resources and Conditions sections of policies</a>
 */
public final class ResourcePattern {

    /** Result of {@link #match}: no match. */
    public static final int NO = 0;
    /** Result of {@link #match}: match. */
    public static final int YES = 1;
    /** Result of {@link #match}: depends on a variable whose key is unknown. */
    public static final int UNKNOWN = 2;

    /** The shorthand API Gateway accepts in a REST API's resource policy for "this API". */
    static final String API_SHORTHAND = "execute-api:/";

    private final PolicyTemplate template;
    private final ResourceArnPattern fixed;
    /** For {@code execute-api:/...} without variables: the pattern for the part after the API id ({@code /...}). */
    private final ResourceArnPattern fixedApiPath;

    private ResourcePattern(PolicyTemplate template) {
        this.template = template;
        this.fixed = template.hasVariables() ? null : ResourceArnPattern.of(template.resolve(VariableResolver.NONE));
        this.fixedApiPath = fixed != null && template.text().startsWith(API_SHORTHAND)
                ? ResourceArnPattern.compile(template.text().substring(API_SHORTHAND.length() - 1)) : null;
    }

    /**
     * Compiles a resource pattern.
     *
     * @param variablesEnabled whether the policy's Version (2012-10-17) enables policy variables
     */
    public static ResourcePattern of(String text, boolean variablesEnabled) {
        return new ResourcePattern(PolicyTemplate.compile(Objects.requireNonNull(text, "text"), true, variablesEnabled));
    }

    /** {@link #YES}, {@link #NO} or {@link #UNKNOWN} for {@code resource}, resolving variables with {@code resolver}. */
    public int match(String resource, VariableResolver resolver) {
        if (fixed != null) {
            return fixed.matches(resource) ? YES : NO;
        }
        WildcardPattern resolved = template.resolve(resolver);
        if (resolved == PolicyTemplate.MISSING) {
            return NO;
        }
        if (resolved == PolicyTemplate.UNKNOWN) {
            return UNKNOWN;
        }
        return ResourceArnPattern.of(resolved).matches(resource) ? YES : NO;
    }

    /**
     * Like {@link #match(String, VariableResolver)}, for an entry of a resource-based policy: there an
     * entry {@code execute-api:/STAGE/METHOD/PATH} is API Gateway's shorthand for the API the policy is
     * attached to, {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH} ("simplified
     * format supported here because apiId is not known yet and partition/region/account can be derived at
     * import time"), so it matches an execute-api resource whatever its partition, region, account and API
     * id, by the part after the API id.
     *
     * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html">Create and attach an API Gateway resource policy to an API</a>
     */
    public int matchInResourcePolicy(String resource, VariableResolver resolver) {
        if (fixedApiPath != null) {
            String path = apiPath(resource);
            return path != null && fixedApiPath.matches(path) ? YES : NO;
        }
        if (fixed != null) {
            return fixed.matches(resource) ? YES : NO;
        }
        if (!template.text().startsWith(API_SHORTHAND)) {
            return match(resource, resolver);
        }
        WildcardPattern resolved = template.resolve(resolver);
        if (resolved == PolicyTemplate.MISSING) {
            return NO;
        }
        if (resolved == PolicyTemplate.UNKNOWN) {
            return UNKNOWN;
        }
        String path = apiPath(resource);
        if (path == null) {
            return NO;
        }
        int[] codes = resolved.codes();
        int[] rest = java.util.Arrays.copyOfRange(codes, API_SHORTHAND.length() - 1, codes.length);
        return ResourceArnPattern.of(WildcardPattern.ofCodes(rest)).matches(path) ? YES : NO;
    }

    /** For {@code arn:P:execute-api:R:A:API_ID/rest}: {@code /rest}; else null. */
    static String apiPath(String resource) {
        if (!resource.startsWith("arn:")) {
            return null;
        }
        int from = 0;
        int serviceStart = 0;
        for (int i = 0; i < 5; i++) {
            from = resource.indexOf(':', from) + 1;
            if (from == 0) {
                return null;
            }
            if (i == 1) {
                serviceStart = from;
            } else if (i == 2 && !resource.startsWith("execute-api:", serviceStart)) {
                return null;
            }
        }
        int slash = resource.indexOf('/', from);
        return slash < 0 ? null : resource.substring(slash);
    }

    /** Whether {@code resource} matches; variables are resolved against no keys (so they never match). */
    public boolean matches(String resource) {
        return match(resource, VariableResolver.NONE) == YES;
    }

    /** The compiled template (text and variables). */
    public PolicyTemplate template() {
        return template;
    }

    /** The pattern as written in the policy. */
    public String text() {
        return template.text();
    }

    @Override
    public String toString() {
        return template.text();
    }
}
