package dev.iamatlas.app.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The profiles of the AWS config files ({@code ~/.aws/config} and {@code ~/.aws/credentials}, or the files named
 * by {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}), as the SDK reads them: for the desktop app's
 * profile picker and the CLI's checks. Each method reads the files afresh, so a profile added meanwhile appears.
 */
public final class AwsProfiles {
    private AwsProfiles() {
    }

    /** Profile names from both files, sorted, without duplicates; empty when there are no files. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(profiles().profiles().keySet());
        names.sort(String::compareTo);
        return names;
    }

    /** True when a profile of that name exists in either file. */
    public static boolean exists(String profile) {
        return profiles().profile(profile).isPresent();
    }

    /** The profile the SDK uses when none is named: {@code AWS_PROFILE}, else {@code default}. */
    public static String defaultProfileName() {
        return ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
    }

    /**
     * The region a scan with this profile uses when no region is given: {@code AWS_REGION}, then the profile's
     * {@code region}, then {@code AWS_DEFAULT_REGION}.
     *
     * @param profile a profile name, or null for the default one
     * @return the region, or empty when none is configured anywhere
     */
    public static Optional<String> defaultRegion(String profile) {
        String name = profile != null ? profile : defaultProfileName();
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().profileFile(AwsProfiles::profiles)
                    .profileName(name).build().getRegion().id());
        } catch (RuntimeException none) {
            String legacy = System.getenv("AWS_DEFAULT_REGION");
            return legacy == null || legacy.isBlank() ? Optional.empty() : Optional.of(legacy.strip());
        }
    }

    /** The MFA device the profile names ({@code mfa_serial}), or empty. */
    public static Optional<String> mfaSerial(String profile) {
        return profile(profile).flatMap(p -> p.property("mfa_serial"));
    }

    static Optional<Profile> profile(String name) {
        return profiles().profile(name != null ? name : defaultProfileName());
    }

    static ProfileFile profiles() {
        return ProfileFile.defaultProfileFile();
    }
}
