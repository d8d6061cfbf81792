package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rootposture.contract.LocalLab;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class DemoLabTest {

    private final PrintStream out = System.out;

    @AfterEach
    void restore() {
        System.setOut(out);
    }

    @Test
    void aRunFindsTheDemoLabByNameAndItServesTheDemoOrganizationUntilClosed() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        LocalLab demo = LocalLab.named("demo").orElseThrow();
        assertThat(demo.region()).isEqualTo("us-east-1");

        LocalLab.Running lab = demo.start();

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Root Posture demo lab: serving demo organization o-demo000001 (11 accounts) at " + lab.endpoint() + System.lineSeparator());
        assertThat(lab.accessKeyId()).isEqualTo("AKIALAB0111111111111");
        StsClient sts = StsClient.builder().endpointOverride(lab.endpoint()).region(Region.of(demo.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(lab.accessKeyId(), lab.secretAccessKey())))
                .build();
        try (sts) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");

            lab.close();

            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Root Posture demo lab: served 1 AWS calls for 1 accounts");
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void noOtherLabIsKnown() {
        assertThat(LocalLab.named("prod")).isEmpty();
    }
}
