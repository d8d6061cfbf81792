package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.root.RootMfaIsHardware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/** What a posture test leaves in Allure results: labels, parameters and redacted evidence. */
class AllureReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aControlResultCarriesItsLabelsParametersAndEvidence(@TempDir Path results) throws Exception {
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "222222222222"))) {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(HardwareMfa.class)).build());
        } finally {
            Allure.setLifecycle(original);
        }

        JsonNode result = only(results, "-result.json");
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("name").asText()).isEqualTo("Root user MFA is a hardware device · 222222222222");
        assertThat(labels(result, "control")).containsExactly("root.mfa.hardware");
        assertThat(labels(result, "cis")).containsExactly("v3.0.0:1.6", "v5.0.0:1.5");
        assertThat(labels(result, "epic")).containsExactly("CIS AWS Foundations Benchmark");
        assertThat(labels(result, "feature")).containsExactly("Root user credentials");
        assertThat(labels(result, "story")).containsExactly("Root user MFA is a hardware device");
        assertThat(labels(result, "severity")).as("Allure's level for HIGH").containsExactly("critical");
        assertThat(labels(result, "verdict")).containsExactly("FAIL");
        assertThat(result.get("statusDetails").get("message").asText()).isEqualTo("The root user's MFA is a virtual device, not a hardware device.");
        assertThat(result.get("statusDetails").get("trace").asText()).contains("222222222222").doesNotContain("\tat ");
        assertThat(result.get("historyId").asText()).isEqualTo(md5("root.mfa.hardware|222222222222|"));
        assertThat(result.get("parameters").findValuesAsText("name")).containsExactly("account", "accountName");
        assertThat(result.get("parameters").findValuesAsText("value")).contains("222222222222");

        JsonNode attachment = result.get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isEqualTo("Evidence · root.mfa.hardware · FAIL");
        String evidence = Files.readString(results.resolve(attachment.get("source").asText()));
        JsonNode document = JSON.readTree(evidence);
        assertThat(document.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(document.fieldNames().next()).isEqualTo("summary");
        assertThat(document.get("summary").asText()).startsWith("FAIL · root.mfa.hardware · 222222222222: The root user's MFA is a virtual device");
        assertThat(result.get("descriptionHtml").asText()).contains("<code>root.mfa.hardware</code>", "CIS v3.0.0 1.6 · CIS v5.0.0 1.5",
                "<b>Why it matters</b>", "<b>Remediation</b>").as("the finding is the result's message, shown once")
                .doesNotContain("<b>Verdict FAIL", "payments-break-glass");
        assertThat(result.get("links").findValuesAsText("url")).contains("https://www.cisecurity.org/benchmark/amazon_web_services");
        assertThat(document.get("evidence").findValuesAsText("type")).containsExactly("AccountSummary", "VirtualMfaDevices");
        assertThat(document.get("evidence").get(1).get("provenance").get("calls").get(0).asText()).isEqualTo("iam:ListVirtualMFADevices");
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain("AKIALAB", "ASIALAB", "labSecretKey", "LabSessionToken");
            }
        }
    }

    private static String md5(String text) throws Exception {
        return new java.math.BigInteger(1, java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toString(16);
    }

    private static JsonNode only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return JSON.readTree(matching.get(0).toFile());
        }
    }

    private static List<String> labels(JsonNode result, String name) {
        return Stream.of(result.get("labels")).flatMap(labels -> java.util.stream.StreamSupport.stream(labels.spliterator(), false))
                .filter(label -> label.get("name").asText().equals(name))
                .map(label -> label.get("value").asText())
                .toList();
    }

    @RootPosture
    static class HardwareMfa {

        @RootMfaIsHardware
        void rootMfaIsHardware(AwsAccount account) {
        }
    }
}
