package dev.iamatlas.model.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything IAM Atlas knows about one AWS account: exactly what AWS returned, normalised, with scan metadata
 * and the list of what could not be read. Immutable; edits make a new snapshot through {@link #toBuilder()}.
 *
 * @param metadata where the snapshot came from
 * @param iam users, groups, roles and managed policies
 * @param organization SCPs and RCPs that apply to the account, or null when it is in no organization or they
 *     could not be read (see {@link #gaps()})
 * @param functions Lambda functions in every scanned region
 * @param restApis API Gateway REST APIs in every scanned region
 * @param apisV2 API Gateway HTTP and WebSocket APIs in every scanned region
 * @param gaps what the scan could not read
 */
public record AccountSnapshot(
        ScanMetadata metadata,
        IamData iam,
        Organization organization,
        List<LambdaFunction> functions,
        List<RestApi> restApis,
        List<ApiV2> apisV2,
        List<ScanGap> gaps) {

    public AccountSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        iam = iam == null ? IamData.EMPTY : iam;
        functions = Copies.list(functions);
        restApis = Copies.list(restApis);
        apisV2 = Copies.list(apisV2);
        gaps = Copies.list(gaps);
    }

    /** The account id, from the metadata. */
    public String accountId() {
        return metadata.accountId();
    }

    public static Builder builder(ScanMetadata metadata) {
        return new Builder(metadata);
    }

    public Builder toBuilder() {
        Builder b = new Builder(metadata).organization(organization);
        b.users.addAll(iam.users());
        b.groups.addAll(iam.groups());
        b.roles.addAll(iam.roles());
        b.managedPolicies.addAll(iam.managedPolicies());
        b.functions.addAll(functions);
        b.restApis.addAll(restApis);
        b.apisV2.addAll(apisV2);
        b.gaps.addAll(gaps);
        return b;
    }

    /** Builds an {@link AccountSnapshot}; the scanner and importers add to it as they go. */
    public static final class Builder {
        private ScanMetadata metadata;
        private final List<IamUser> users = new ArrayList<>();
        private final List<IamGroup> groups = new ArrayList<>();
        private final List<IamRole> roles = new ArrayList<>();
        private final List<ManagedPolicy> managedPolicies = new ArrayList<>();
        private Organization organization;
        private final List<LambdaFunction> functions = new ArrayList<>();
        private final List<RestApi> restApis = new ArrayList<>();
        private final List<ApiV2> apisV2 = new ArrayList<>();
        private final List<ScanGap> gaps = new ArrayList<>();

        private Builder(ScanMetadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
        }

        public Builder metadata(ScanMetadata value) {
            this.metadata = Objects.requireNonNull(value, "metadata");
            return this;
        }

        public Builder user(IamUser value) {
            users.add(value);
            return this;
        }

        public Builder group(IamGroup value) {
            groups.add(value);
            return this;
        }

        public Builder role(IamRole value) {
            roles.add(value);
            return this;
        }

        public Builder managedPolicy(ManagedPolicy value) {
            managedPolicies.add(value);
            return this;
        }

        public Builder organization(Organization value) {
            this.organization = value;
            return this;
        }

        public Builder function(LambdaFunction value) {
            functions.add(value);
            return this;
        }

        public Builder restApi(RestApi value) {
            restApis.add(value);
            return this;
        }

        public Builder apiV2(ApiV2 value) {
            apisV2.add(value);
            return this;
        }

        public Builder gap(ScanGap value) {
            gaps.add(value);
            return this;
        }

        // The lists below are live and mutable, so that what-if edits can replace one element in place.

        public List<LambdaFunction> functions() {
            return functions;
        }

        public List<IamRole> roles() {
            return roles;
        }

        public List<IamUser> users() {
            return users;
        }

        public List<IamGroup> groups() {
            return groups;
        }

        public List<ManagedPolicy> managedPolicies() {
            return managedPolicies;
        }

        public List<RestApi> restApis() {
            return restApis;
        }

        public List<ApiV2> apisV2() {
            return apisV2;
        }

        public List<ScanGap> gaps() {
            return gaps;
        }

        public AccountSnapshot build() {
            return new AccountSnapshot(metadata, new IamData(users, groups, roles, managedPolicies), organization,
                    functions, restApis, apisV2, gaps);
        }
    }
}
