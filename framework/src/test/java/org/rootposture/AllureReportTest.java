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
        run(results, Map.of("rootposture.targets", "222222222222"), HardwareMfa.class);

        JsonNode result = only(results, "-result.json");
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("name").asText()).isEqualTo("Root user MFA is a hardware device · 222222222222");
        assertThat(labels(result, "control")).containsExactly("root.mfa.hardware");
        assertThat(labels(result, "cis")).containsExactly("v3.0.0:1.6", "v5.0.0:1.5", "v6.0.0:2.5", "v7.0.0:2.6");
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

        JsonNode attachments = result.get("attachments");
        assertThat(attachments.findValuesAsText("name")).containsExactly(
                "About the control: why it matters, remediation, references", "Evidence · AccountSummary", "Evidence · VirtualMfaDevices");
        assertThat(attachments.findValuesAsText("type")).containsExactly("text/html", "application/json", "application/json");
        String page = Files.readString(results.resolve(attachments.get(0).get("source").asText()));
        assertThat(page).contains("<code>root.mfa.hardware</code>", "<b>Why it matters</b>", "<b>Remediation</b>", "Root user MFA is a hardware device · severity high",
                "href=\"https://www.cisecurity.org/benchmark/amazon_web_services\"");
        assertThat(result.get("descriptionHtml").asText()).contains("<code>root.mfa.hardware</code>", "CIS v3.0.0 1.6 · CIS v5.0.0 1.5 · CIS v6.0.0 2.5 · CIS v7.0.0 2.6",
                "222222222222").as("the control's own text is on its page, the finding is the result's message")
                .doesNotContain("<b>Why it matters</b>", "<b>Remediation</b>", "<b>Verdict FAIL", "payments-break-glass");
        assertThat(result.get("links")).as("the documentation is on the control's page").isEmpty();
        JsonNode mfaDevices = JSON.readTree(results.resolve(attachments.get(2).get("source").asText()).toFile());
        assertThat(mfaDevices.get("type").asText()).isEqualTo("VirtualMfaDevices");
        assertThat(mfaDevices.get("provenance").get("calls").get(0).asText()).isEqualTo("iam:ListVirtualMFADevices");
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain("AKIALAB", "ASIALAB", "labSecretKey", "LabSessionToken");
            }
        }
    }

    @Test
    void anAccountOfTheOrganizationCarriesItsPlaceInTheTreeAndAListedOneDoesNot(@TempDir Path organization, @TempDir Path listed)
            throws Exception {
        run(organization, Map.of("rootposture.targets", "organization", "rootposture.include-accounts", "222222222222"), HardwareMfa.class);
        run(listed, Map.of("rootposture.targets", "222222222222"), HardwareMfa.class);

        assertThat(labels(only(organization, "-result.json"), "ou")).containsExactly("Root › Production › Payments");
        assertThat(labels(only(listed, "-result.json"), "ou")).isEmpty();
    }

    @Test
    void aRecordOrControlPageThatSeveralResultsUseIsWrittenOnceAndReferencedByEach(@TempDir Path results) throws Exception {
        run(results, Map.of("rootposture.targets", "222222222222,333333333333"), HardwareMfa.class, MfaEnabled.class);

        List<JsonNode> all = all(results, "-result.json");
        assertThat(all).hasSize(4);
        Map<String, List<String>> sourcesByName = new java.util.TreeMap<>();
        for (JsonNode result : all) {
            String account = result.get("parameters").get(0).get("value").asText();
            for (JsonNode attachment : result.get("attachments")) {
                sourcesByName.computeIfAbsent(attachment.get("name").asText() + " @ " + account, name -> new java.util.ArrayList<>())
                        .add(attachment.get("source").asText());
            }
        }
        assertThat(sourcesByName.get("Evidence · AccountSummary @ 222222222222")).as("one record, read once, used by both controls")
                .hasSize(2).containsOnly(sourcesByName.get("Evidence · AccountSummary @ 222222222222").get(0));
        assertThat(sourcesByName.get("Evidence · AccountSummary @ 333333333333").get(0))
                .isNotEqualTo(sourcesByName.get("Evidence · AccountSummary @ 222222222222").get(0));
        List<String> pages = all.stream().map(result -> result.get("attachments").get(0).get("source").asText()).toList();
        assertThat(new java.util.HashSet<>(pages)).as("one page per control, whatever the accounts").hasSize(2);
        long referenced = all.stream().flatMap(result -> java.util.stream.StreamSupport.stream(result.get("attachments").spliterator(), false))
                .map(attachment -> attachment.get("source").asText()).distinct().count();
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith(org.rootposture.internal.report.AllureReport.SHARED_PREFIX)).count())
                    .as("every file referenced, none written twice").isEqualTo(referenced);
        }
    }

    private static void run(Path results, Map<String, String> settings, Class<?>... classes) {
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        try (LabRun lab = LabRun.demo(settings)) {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters())
                    .selectors(Stream.of(classes).map(type -> selectClass(type)).toList()).build());
        } finally {
            Allure.setLifecycle(original);
        }
    }

    private static List<JsonNode> all(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> found = new java.util.ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                found.add(JSON.readTree(file.toFile()));
            }
            return found;
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
    static class MfaEnabled {

        @org.rootposture.root.RootMfaEnabled
        void rootMfaIsEnabled(AwsAccount account) {
        }
    }

    @RootPosture
    static class HardwareMfa {

        @RootMfaIsHardware
        void rootMfaIsHardware(AwsAccount account) {
        }
    }
}
