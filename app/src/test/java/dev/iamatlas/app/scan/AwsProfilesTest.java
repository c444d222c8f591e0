package dev.iamatlas.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class AwsProfilesTest extends ScanTestSupport {

    @Test
    void profilesOfBothFilesAreListedOnceAndSorted() throws Exception {
        Files.writeString(configFile, """
                [default]
                region = eu-west-1
                [profile sso-dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = ReadOnly
                region = eu-central-1
                [profile audit]
                role_arn = arn:aws:iam::111122223333:role/auditor
                source_profile = default
                mfa_serial = arn:aws:iam::111122223333:mfa/alice
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        Files.writeString(credentialsFile, """
                [default]
                aws_access_key_id = AKIDDEFAULT
                aws_secret_access_key = x
                [ci]
                credential_process = /usr/local/bin/get-creds
                """);

        assertThat(AwsProfiles.names()).containsExactly("audit", "ci", "default", "sso-dev");
        assertThat(AwsProfiles.exists("sso-dev")).isTrue();
        assertThat(AwsProfiles.exists("corp")).isFalse();
        assertThat(AwsProfiles.mfaSerial("audit")).contains("arn:aws:iam::111122223333:mfa/alice");
        assertThat(AwsProfiles.mfaSerial("ci")).isEmpty();
    }

    @Test
    void theRegionComesFromAwsRegionBeforeTheProfile() throws Exception {
        Files.writeString(configFile, "[profile sso-dev]\nregion = eu-central-1\n");

        assertThat(AwsProfiles.defaultRegion("sso-dev")).contains("us-east-1");
        String saved = System.clearProperty("aws.region");
        try {
            assertThat(AwsProfiles.defaultRegion("sso-dev")).contains("eu-central-1");
        } finally {
            System.setProperty("aws.region", saved);
        }
    }

    @Test
    void noFilesMeanNoProfiles() {
        assertThat(AwsProfiles.names()).isEmpty();
    }
}
