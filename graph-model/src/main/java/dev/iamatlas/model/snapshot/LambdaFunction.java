package dev.iamatlas.model.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Lambda function: its unqualified configuration ({@code $LATEST}), its published versions and aliases, each
 * with its own resource policy, and its function URLs.
 *
 * @param arn the unqualified function ARN
 * @param name the function name
 * @param region the region, such as {@code us-east-1}
 * @param runtime such as {@code java17}, or null for container images
 * @param handler the handler, or null
 * @param description the description, or null
 * @param roleArn the execution role of {@code $LATEST}
 * @param lastModified as Lambda reports it (ISO 8601 text), or null
 * @param resourcePolicy the policy returned by {@code GetPolicy} without qualifier, or null when there is none
 * @param versions the published versions (not {@code $LATEST})
 * @param aliases the aliases
 * @param urlConfigs the function URLs, on the function or on its aliases
 */
public record LambdaFunction(
        String arn,
        String name,
        String region,
        String runtime,
        String handler,
        String description,
        String roleArn,
        String lastModified,
        PolicyText resourcePolicy,
        List<FunctionVersion> versions,
        List<FunctionAlias> aliases,
        List<FunctionUrlConfig> urlConfigs) {

    public LambdaFunction {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        versions = Copies.list(versions);
        aliases = Copies.list(aliases);
        urlConfigs = Copies.list(urlConfigs);
    }

    public static Builder builder(String arn, String name, String region) {
        return new Builder(arn, name, region);
    }

    public Builder toBuilder() {
        Builder b = new Builder(arn, name, region).runtime(runtime).handler(handler).description(description)
                .roleArn(roleArn).lastModified(lastModified).resourcePolicy(resourcePolicy);
        b.versions.addAll(versions);
        b.aliases.addAll(aliases);
        b.urlConfigs.addAll(urlConfigs);
        return b;
    }

    /** Builds a {@link LambdaFunction}. */
    public static final class Builder {
        private final String arn;
        private final String name;
        private final String region;
        private String runtime;
        private String handler;
        private String description;
        private String roleArn;
        private String lastModified;
        private PolicyText resourcePolicy;
        private final List<FunctionVersion> versions = new ArrayList<>();
        private final List<FunctionAlias> aliases = new ArrayList<>();
        private final List<FunctionUrlConfig> urlConfigs = new ArrayList<>();

        private Builder(String arn, String name, String region) {
            this.arn = arn;
            this.name = name;
            this.region = region;
        }

        public Builder runtime(String value) {
            this.runtime = value;
            return this;
        }

        public Builder handler(String value) {
            this.handler = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder roleArn(String value) {
            this.roleArn = value;
            return this;
        }

        public Builder lastModified(String value) {
            this.lastModified = value;
            return this;
        }

        public Builder resourcePolicy(PolicyText value) {
            this.resourcePolicy = value;
            return this;
        }

        public Builder version(FunctionVersion value) {
            versions.add(value);
            return this;
        }

        public Builder versions(List<FunctionVersion> values) {
            versions.clear();
            versions.addAll(values);
            return this;
        }

        public Builder alias(FunctionAlias value) {
            aliases.add(value);
            return this;
        }

        public Builder aliases(List<FunctionAlias> values) {
            aliases.clear();
            aliases.addAll(values);
            return this;
        }

        public Builder urlConfig(FunctionUrlConfig value) {
            urlConfigs.add(value);
            return this;
        }

        public Builder urlConfigs(List<FunctionUrlConfig> values) {
            urlConfigs.clear();
            urlConfigs.addAll(values);
            return this;
        }

        public LambdaFunction build() {
            return new LambdaFunction(arn, name, region, runtime, handler, description, roleArn, lastModified,
                    resourcePolicy, versions, aliases, urlConfigs);
        }
    }
}
