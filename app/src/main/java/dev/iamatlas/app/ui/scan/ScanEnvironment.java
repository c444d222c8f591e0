package dev.iamatlas.app.ui.scan;

import dev.iamatlas.app.scan.AwsProfiles;
import java.util.List;
import java.util.Optional;

/** What the scan dialog learns from the AWS config files; an interface so tests can give their own. */
public interface ScanEnvironment {

    /** Profile names from {@code ~/.aws/config} and {@code ~/.aws/credentials}, sorted. */
    List<String> profiles();

    /** The profile used when none is chosen ({@code AWS_PROFILE}, else {@code default}). */
    String defaultProfile();

    /** The region a profile scans by default, or empty. */
    Optional<String> defaultRegion(String profile);

    /** The MFA device a profile names, or empty. */
    Optional<String> mfaSerial(String profile);

    /** The real AWS config files, read afresh on each call. */
    static ScanEnvironment aws() {
        return new ScanEnvironment() {
            @Override
            public List<String> profiles() {
                try {
                    return AwsProfiles.names();
                } catch (RuntimeException unreadable) {
                    return List.of();
                }
            }

            @Override
            public String defaultProfile() {
                try {
                    return AwsProfiles.defaultProfileName();
                } catch (RuntimeException none) {
                    return "default";
                }
            }

            @Override
            public Optional<String> defaultRegion(String profile) {
                try {
                    return AwsProfiles.defaultRegion(profile);
                } catch (RuntimeException none) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<String> mfaSerial(String profile) {
                try {
                    return AwsProfiles.mfaSerial(profile);
                } catch (RuntimeException none) {
                    return Optional.empty();
                }
            }
        };
    }
}
