package dev.iamatlas.model.policy;

/**
 * The {@code Effect} of a statement.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html">IAM JSON policy elements: Effect</a>
 */
public enum Effect {
    /** {@code "Allow"}. */
    ALLOW("Allow"),
    /** {@code "Deny"}. */
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling used in policy JSON ({@code Allow} or {@code Deny}). */
    public String json() {
        return json;
    }
}
