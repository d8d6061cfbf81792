package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.sts.StsClient;

class DemoLabSessionTest {

    private static final List<String> PROPERTIES = List.of("rootposture.lab", "rootposture.endpoint", "aws.accessKeyId", "aws.secretAccessKey", "aws.region");

    private final Properties saved = new Properties();
    private final PrintStream out = System.out;

    @BeforeEach
    void save() {
        PROPERTIES.forEach(name -> {
            if (System.getProperty(name) != null) {
                saved.setProperty(name, System.getProperty(name));
            }
            System.clearProperty(name);
        });
    }

    @AfterEach
    void restore() {
        System.setOut(out);
        PROPERTIES.forEach(System::clearProperty);
        saved.forEach((name, value) -> System.setProperty((String) name, (String) value));
    }

    @Test
    void theDemoLabServesTheDemoOrganizationForTheSession() {
        System.setProperty("rootposture.lab", "demo");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        DemoLabSession listener = new DemoLabSession();

        listener.launcherSessionOpened(null);

        URI endpoint = URI.create(System.getProperty("rootposture.endpoint"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Root Posture demo lab: serving demo organization o-demo000001 (11 accounts) at " + endpoint + System.lineSeparator());
        assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("AKIALAB0111111111111");
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
        StsClient sts = StsClient.builder().endpointOverride(endpoint)
                .credentialsProvider(SystemPropertyCredentialsProvider.create())
                .region(new SystemSettingsRegionProvider().getRegion())
                .build();
        try (sts) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");

            listener.launcherSessionClosed(null);

            assertThat(System.getProperty("rootposture.endpoint")).isNull();
            assertThat(System.getProperty("aws.accessKeyId")).isNull();
            assertThat(System.getProperty("aws.region")).isNull();
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void aRegionAlreadySetIsKept() {
        System.setProperty("rootposture.lab", "demo");
        System.setProperty("aws.region", "eu-central-1");
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        DemoLabSession listener = new DemoLabSession();

        listener.launcherSessionOpened(null);
        try {
            assertThat(System.getProperty("aws.region")).isEqualTo("eu-central-1");
            assertThat(System.getProperty("rootposture.endpoint")).startsWith("http://127.0.0.1:");
        } finally {
            listener.launcherSessionClosed(null);
        }
        assertThat(System.getProperty("aws.region")).isEqualTo("eu-central-1");
    }

    @Test
    void anyOtherValueIsRejectedWithTheAllowedOne() {
        System.setProperty("rootposture.lab", "prod");

        assertThatThrownBy(() -> new DemoLabSession().launcherSessionOpened(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rootposture.lab")
                .hasMessageContaining("'prod'")
                .hasMessageContaining("'demo'");
        assertThat(System.getProperty("rootposture.endpoint")).isNull();
    }

    @Test
    void withoutThePropertyNothingHappens() {
        DemoLabSession listener = new DemoLabSession();

        listener.launcherSessionOpened(null);
        listener.launcherSessionClosed(null);

        assertThat(System.getProperty("rootposture.endpoint")).isNull();
        assertThat(System.getProperty("aws.accessKeyId")).isNull();
    }
}
