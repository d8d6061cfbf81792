package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import org.rootposture.root.SecurityContactRegistered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/** Waivers through both front doors, in whole runs against the demo lab, as the Allure results show them. */
class WaiversRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void liveWaiversSkipTheirFailsExpiredOnesSayWhyTheyStillFailAndTheRunRecordListsThem() throws IOException {
        Path waivers = Files.writeString(work.resolve("waivers.yaml"), """
                waivers:
                  - control: root.mfa.hardware
                    account: "222222222222"
                    justification: Hardware keys are on order (CHG-4711).
                    approver: Jane Doe (CISO)
                    expires: 2099-12-31
                  - control: root.contacts.security
                    account: "333333333333"
                    justification: A security contact is being hired.
                    approver: sam.lee@example.com
                    expires: 2025-06-30
                  - control: acme.root.hardware-mfa
                    account: "333333333333"
                    justification: Accepted for the sandbox.
                    approver: Sam Lee (Head of Platform)
                    expires: 2099-01-31
                """);

        Map<String, JsonNode> results = run(Map.of("rootposture.targets", "222222222222,333333333333",
                "rootposture.waivers", waivers.toString()));

        assertThat(results.get("hardware 222222222222").get("status").asText()).isEqualTo("skipped");
        assertThat(message(results.get("hardware 222222222222")))
                .isEqualTo("Waived until 2099-12-31 by Jane Doe (CISO): Hardware keys are on order (CHG-4711).");
        assertThat(trace(results.get("hardware 222222222222"))).startsWith("Finding: ").contains("virtual device");
        assertThat(results.get("hardware 333333333333").get("status").asText()).isEqualTo("failed");
        assertThat(results.get("contact 333333333333").get("status").asText()).isEqualTo("failed");
        assertThat(trace(results.get("contact 333333333333")))
                .contains("(The waiver expired on 2025-06-30; it was approved by s******@example.com in waivers.yaml line 7:");
        assertThat(results.get("contact 222222222222").get("status").asText()).isEqualTo("passed");
        assertThat(results.get("custom 222222222222").get("status").asText())
                .as("the waiver of root.mfa.hardware accepts that control's result, not a team check that uses it").isEqualTo("failed");
        assertThat(trace(results.get("custom 222222222222"))).contains("root.mfa.hardware non-compliant: ")
                .contains("root.usage.none-recent non-compliant: ");
        assertThat(message(results.get("custom 333333333333")))
                .isEqualTo("Waived until 2099-01-31 by Sam Lee (Head of Platform): Accepted for the sandbox.");

        JsonNode run;
        try (Stream<Path> files = Files.list(work.resolve("allure-results"))) {
            List<Path> records = files.filter(f -> f.getFileName().toString().endsWith("-rootposture-run.json")).toList();
            assertThat(records).hasSize(1);
            run = JSON.readTree(records.get(0).toFile());
        }
        assertThat(run.get("accountsChecked").asInt()).isEqualTo(2);
        assertThat(run.get("partition").asText()).isEqualTo("aws");
        assertThat(run.get("waiversFile").asText()).isEqualTo("waivers.yaml");
        assertThat(run.get("waivers").findValuesAsText("control"))
                .containsExactly("root.mfa.hardware", "root.contacts.security", "acme.root.hardware-mfa");
        assertThat(run.get("waivers").findValuesAsText("expired")).containsExactly("false", "true", "false");
        assertThat(run.get("waivers").findValuesAsText("approver")).contains("s******@example.com");
        assertThat(work.resolve("allure-results/categories.json")).content().contains("\"Waived\"");
    }

    @Test
    void aMistakeInTheWaiverFileStopsTheRunBeforeAnyAwsCallAndNamesTheLine() throws IOException {
        Path waivers = Files.writeString(work.resolve("waivers.yaml"), """
                waivers:
                  - control: root.mfa.hardwre
                    account: "222222222222"
                """);

        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "222222222222", "rootposture.waivers", waivers.toString()))) {
            var events = lab.engine()
                    .selectors(selectClass(Waived.class)).execute().containerEvents();

            assertThat(events.failed().stream().map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("")))
                    .anyMatch(m -> m.startsWith("Root Posture settings: The waiver file " + waivers.toAbsolutePath()
                            + " line 2: unknown control 'root.mfa.hardwre'"));
            assertThat(lab.lab().totalCalls()).isZero();
        }
    }

    private static String message(JsonNode result) {
        return result.path("statusDetails").path("message").asText();
    }

    private static String trace(JsonNode result) {
        return result.path("statusDetails").path("trace").asText();
    }

    /** Runs {@link Waived} with these settings; its results by method and account. */
    private Map<String, JsonNode> run(Map<String, String> settings) throws IOException {
        Path results = work.resolve("allure-results");
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        try (LabRun lab = LabRun.demo(settings)) {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(Waived.class)).build());
        } finally {
            Allure.setLifecycle(original);
        }
        Map<String, JsonNode> byTest = new HashMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                String method = labels(result, "testMethod").get(0);
                String account = result.get("parameters").findValuesAsText("value").stream()
                        .filter(v -> v.matches("\\d{12}")).findFirst().orElseThrow();
                byTest.put(method + " " + account, result);
            }
        }
        return byTest;
    }

    private static List<String> labels(JsonNode result, String name) {
        return result.get("labels").findParents("name").stream()
                .filter(label -> label.get("name").asText().equals(name)).map(label -> label.get("value").asText()).toList();
    }

    @RootPosture
    static class Waived {

        @RootMfaIsHardware
        void hardware(AwsAccount account) {
        }

        @SecurityContactRegistered
        void contact(AwsAccount account) {
        }

        @ForEachAccount
        @Control(id = "acme.root.hardware-mfa", title = "Root MFA is hardware and root unused, checked by assertion")
        void custom(AwsAccount account) {
            assertThat(account.root()).hasHardwareMfa().notUsedWithin(Duration.ofDays(200));
        }
    }
}
