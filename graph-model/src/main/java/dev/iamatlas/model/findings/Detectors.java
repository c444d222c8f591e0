package dev.iamatlas.model.findings;

import java.util.List;

/** Every finding detector, one per rule id of the {@link RuleCatalogue}, registered in one place. */
public final class Detectors {
    private Detectors() {
    }

    /** The detectors, in catalogue order. */
    public static List<FindingDetector> all() {
        return List.of(
                new ApiGatewayPermissionMissing(),
                new CredentialsRoleBroken(),
                new PermissionWithoutSource(),
                new SourceArnTooBroad(),
                new PublicInvoke(),
                new CrossAccountInvoke(),
                new PublicRouteToPrivilegedRole(),
                new RoleTrustTooBroad(),
                new UnusedPermission());
    }
}
