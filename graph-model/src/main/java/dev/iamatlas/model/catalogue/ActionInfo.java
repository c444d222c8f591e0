package dev.iamatlas.model.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One IAM action as the Service Authorization Reference describes it.
 *
 * @param service               the service prefix as AWS writes it (lower case), e.g. {@code "iam"}
 * @param name                  the action name in AWS's exact casing, e.g. {@code "PassRole"}
 * @param accessLevel           the access level AWS assigns to the action
 * @param requiredResourceTypes names of the resource types the action always applies to (AWS marks
 *                              them with {@code *}), sorted; empty when there are none
 * @param optionalResourceTypes names of the other resource types it may apply to, sorted
 */
public record ActionInfo(
        String service,
        String name,
        AccessLevel accessLevel,
        List<String> requiredResourceTypes,
        List<String> optionalResourceTypes) {

    public ActionInfo {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessLevel, "accessLevel");
        requiredResourceTypes = List.copyOf(requiredResourceTypes);
        optionalResourceTypes = List.copyOf(optionalResourceTypes);
    }

    /** {@code service:name} in canonical casing, e.g. {@code "iam:PassRole"}. */
    public String fullName() {
        return service + ":" + name;
    }

    /**
     * Whether a policy can name specific resources for this action. When {@code false} the action
     * lists no resource types and a statement must use {@code "Resource": "*"} to allow it.
     */
    public boolean supportsResourceLevelPermissions() {
        return !requiredResourceTypes.isEmpty() || !optionalResourceTypes.isEmpty();
    }
}
