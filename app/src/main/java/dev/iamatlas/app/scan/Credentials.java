package dev.iamatlas.app.scan;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Chooses the credentials of a scan, the way the AWS CLI would:
 * <ul>
 *   <li>no profile named: the SDK's default chain (environment variables, Java system properties, web identity,
 *       the {@code AWS_PROFILE} or {@code default} profile with SSO, {@code credential_process}, role chains,
 *       then container and instance credentials);</li>
 *   <li>{@code --profile P}: that profile only, with everything the SDK supports in profiles;</li>
 *   <li>a profile with {@code role_arn} and {@code mfa_serial}: the scanner assumes the role itself, from the
 *       profile's {@code source_profile} or {@code credential_source}, asking the {@link MfaPrompt} for the code
 *       (the SDK's profile provider cannot ask);</li>
 *   <li>{@code --role-arn} (with {@code --external-id}): STS AssumeRole on top of the above, with the profile's
 *       {@code mfa_serial} when the profile has one but no role of its own.</li>
 * </ul>
 * The secrets stay inside the SDK's providers: nothing here logs, stores or returns them.
 */
final class Credentials {
    static final String SESSION_NAME = "iam-atlas-scan";

    private Credentials() {
    }

    /**
     * @param request the scan request
     * @param sts builds an STS client in a region, with the given credentials, for role assumption
     * @param stsRegion the region for STS calls
     */
    static AwsCredentialsProvider resolve(ScanRequest request, StsFactory sts, Region stsRegion) {
        String profileName = request.profile() != null ? request.profile() : AwsProfiles.defaultProfileName();
        if (request.profile() != null && !AwsProfiles.exists(request.profile())) {
            throw new ScanException("profile '" + request.profile() + "' is not in the AWS config files "
                    + "(~/.aws/config, ~/.aws/credentials, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)");
        }
        Optional<Profile> profile = AwsProfiles.profile(profileName);
        boolean profileRoleWithMfa = profile.map(p -> p.property("role_arn").isPresent()
                && p.property("mfa_serial").isPresent()).orElse(false);

        AwsCredentialsProvider base;
        if (profileRoleWithMfa) {
            Profile p = profile.get();
            AwsCredentialsProvider source = sourceOf(p);
            String serial = p.property("mfa_serial").get();
            base = assumeRole(sts.create(stsRegion, source), p.property("role_arn").get(),
                    p.property("external_id").orElse(null), p.property("role_session_name").orElse(SESSION_NAME),
                    serial, mfaCode(request, serial));
        } else if (request.profile() != null) {
            base = ProfileCredentialsProvider.builder().profileFile(AwsProfiles.profiles())
                    .profileName(request.profile()).build();
        } else {
            base = DefaultCredentialsProvider.builder().build();
        }

        if (request.roleArn() == null) {
            return base;
        }
        String serial = null;
        String code = null;
        if (!profileRoleWithMfa && profile.flatMap(p -> p.property("mfa_serial")).isPresent()) {
            serial = profile.get().property("mfa_serial").get();
            code = mfaCode(request, serial);
        }
        return assumeRole(sts.create(stsRegion, base), request.roleArn(), request.externalId(), SESSION_NAME,
                serial, code);
    }

    /** Builds an STS client for role assumption. */
    @FunctionalInterface
    interface StsFactory {
        StsClient create(Region region, AwsCredentialsProvider credentials);
    }

    private static AwsCredentialsProvider sourceOf(Profile profile) {
        Optional<String> sourceProfile = profile.property("source_profile");
        if (sourceProfile.isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(AwsProfiles.profiles())
                    .profileName(sourceProfile.get()).build();
        }
        String source = profile.property("credential_source").orElse("");
        switch (source) {
            case "Environment":
                return EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata":
                return InstanceProfileCredentialsProvider.create();
            case "EcsContainer":
                return ContainerCredentialsProvider.create();
            default:
                throw new ScanException("profile '" + profile.name() + "' has role_arn but neither source_profile "
                        + "nor a known credential_source (Environment, Ec2InstanceMetadata, EcsContainer)");
        }
    }

    private static String mfaCode(ScanRequest request, String serial) {
        if (request.mfaPrompt() == null) {
            throw new ScanException("the profile needs an MFA code for " + serial + ", and nobody can be asked");
        }
        String code = request.mfaPrompt().codeFor(serial);
        if (code == null || code.isBlank()) {
            throw new ScanException("no MFA code was given for " + serial);
        }
        return code.strip();
    }

    private static AwsCredentialsProvider assumeRole(StsClient sts, String roleArn, String externalId,
            String sessionName, String mfaSerial, String mfaCode) {
        AssumeRoleRequest.Builder assume = AssumeRoleRequest.builder().roleArn(roleArn)
                .roleSessionName(sessionName).externalId(externalId);
        if (mfaSerial != null) {
            assume.serialNumber(mfaSerial).tokenCode(mfaCode);
        }
        AssumeRoleRequest assumeRequest = assume.build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(assumeRequest)
                .asyncCredentialUpdateEnabled(false).build();
    }
}
