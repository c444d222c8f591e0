package dev.iamatlas.app.scan;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and with which identity. Build one with {@link #builder()}; every field is optional.
 *
 * @param profile the AWS config profile, or null for the SDK's default chain (environment, {@code AWS_PROFILE},
 *     web identity, the {@code default} profile, container and instance credentials)
 * @param regions the regions to scan; empty means the profile's or environment's region (see {@link #allRegions})
 * @param allRegions scan every region of the partition where Lambda is offered (regions not enabled for the
 *     account become gaps)
 * @param endpointUrl one endpoint for every service (an AWS-compatible server), or null; when null the SDK still
 *     honours {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code endpoint_url} in the profile
 * @param roleArn a role to assume on top of the base credentials, or null
 * @param externalId the external id the role's trust policy requires, or null
 * @param mfaPrompt asks for an MFA code when the profile names an {@code mfa_serial}; null when nobody can answer
 * @param versionPolicies read the resource policy of every published Lambda version (one call each); when false,
 *     one gap per region says they were skipped
 * @param tuning pacing, retries and timeouts
 */
public record ScanRequest(
        String profile,
        List<String> regions,
        boolean allRegions,
        URI endpointUrl,
        String roleArn,
        String externalId,
        MfaPrompt mfaPrompt,
        boolean versionPolicies,
        ScanTuning tuning) {

    public ScanRequest {
        regions = regions == null ? List.of() : List.copyOf(regions);
        for (String region : regions) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("not an AWS region name: '" + region + "' (such as eu-west-1)");
            }
        }
        tuning = tuning == null ? ScanTuning.DEFAULTS : tuning;
        if (externalId != null && roleArn == null) {
            throw new IllegalArgumentException("an external id needs a role to assume (--role-arn)");
        }
        if (roleArn != null && !roleArn.startsWith("arn:")) {
            throw new IllegalArgumentException("not a role ARN: " + roleArn);
        }
        if (endpointUrl != null && (endpointUrl.getScheme() == null || endpointUrl.getHost() == null)) {
            throw new IllegalArgumentException("not an endpoint URL (scheme://host[:port]): " + endpointUrl);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ScanRequest}. */
    public static final class Builder {
        private String profile;
        private final List<String> regions = new ArrayList<>();
        private boolean allRegions;
        private URI endpointUrl;
        private String roleArn;
        private String externalId;
        private MfaPrompt mfaPrompt;
        private boolean versionPolicies = true;
        private ScanTuning tuning = ScanTuning.DEFAULTS;

        private Builder() {
        }

        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        public Builder region(String value) {
            regions.add(Objects.requireNonNull(value, "region"));
            return this;
        }

        public Builder regions(List<String> values) {
            regions.clear();
            regions.addAll(values);
            return this;
        }

        public Builder allRegions(boolean value) {
            this.allRegions = value;
            return this;
        }

        public Builder endpointUrl(URI value) {
            this.endpointUrl = value;
            return this;
        }

        public Builder roleArn(String value) {
            this.roleArn = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        public Builder mfaPrompt(MfaPrompt value) {
            this.mfaPrompt = value;
            return this;
        }

        public Builder versionPolicies(boolean value) {
            this.versionPolicies = value;
            return this;
        }

        public Builder tuning(ScanTuning value) {
            this.tuning = Objects.requireNonNull(value, "tuning");
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(profile, regions, allRegions, endpointUrl, roleArn, externalId, mfaPrompt,
                    versionPolicies, tuning);
        }
    }
}
