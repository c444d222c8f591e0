package dev.iamatlas.model.policy;

import java.util.Objects;

/**
 * One entry of a {@code Resource} or {@code NotResource} element: an ARN pattern matched segment by
 * segment (see {@link ArnPattern}), with policy variables when the policy's Version allows them.
 * Pre-compiled: a pattern without variables is matched without allocation.
 *
 * <p>Lambda function ARNs with a qualifier ({@code function:f:7}, {@code function:f:prod},
 * {@code function:f:$LATEST}) are distinct resources: the unqualified pattern {@code function:f} does
 * not match them; {@code function:f:*} or {@code function:f*} do.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html">Lambda: Fine-tuning the Resources and Conditions sections of policies</a>
 */
public final class ResourcePattern {

    /** Result of {@link #match}: no match. */
    public static final int NO = 0;
    /** Result of {@link #match}: match. */
    public static final int YES = 1;
    /** Result of {@link #match}: depends on a variable whose key is unknown. */
    public static final int UNKNOWN = 2;

    private final PolicyTemplate template;
    private final ArnPattern fixed;

    private ResourcePattern(PolicyTemplate template) {
        this.template = template;
        this.fixed = template.hasVariables() ? null : ArnPattern.of(template.resolve(VariableResolver.NONE));
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
        return ArnPattern.of(resolved).matches(resource) ? YES : NO;
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
