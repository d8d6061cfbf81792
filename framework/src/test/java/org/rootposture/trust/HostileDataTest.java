package org.rootposture.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.LabRun;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.internal.controls.Catalogue;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/**
 * Hostile and odd data from AWS is data: account names, aliases, OU names, SCP names and CloudTrail event fields with
 * HTML, a script tag, quotes, a newline and non-ASCII text. The run completes, the evidence is valid JSON carrying
 * them verbatim, and the HTML the framework writes into results never carries the script tag unescaped.
 */
class HostileDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert('rp')</script>";
    private static final String HOSTILE = "<b>x</b>" + SCRIPT + " \"quoted\"\nZürich ☃ &amp; ";

    @Test
    void hostileNamesAreCarriedAsDataAndNeverAsMarkup(@TempDir Path results) throws IOException {
        ObjectNode fixture = hostileDemo();
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        try (LabRun lab = LabRun.of(JSON.writeValueAsString(fixture),
                Map.of("rootposture.targets", "organization", "rootposture.regions", "us-east-1"))) {
            Allure.setLifecycle(lifecycle);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(BuiltInCatalogue.class)).build());
        } finally {
            Allure.setLifecycle(original);
        }

        List<JsonNode> resultFiles = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().endsWith("-result.json")) {
                    resultFiles.add(JSON.readTree(text));
                } else if (file.getFileName().toString().endsWith("-attachment.json")) {
                    JSON.readTree(text); // valid JSON, whatever the data
                    attachments.add(text);
                }
            }
        }
        assertThat(resultFiles).hasSizeGreaterThan(Catalogue.all().size());
        assertThat(resultFiles).allSatisfy(result -> {
            assertThat(result.path("statusDetails").path("trace").asText()).doesNotContain("NullPointerException", "JsonParseException");
            assertThat(result.path("descriptionHtml").asText()).doesNotContain(SCRIPT);
        });
        List<String> decoded = new ArrayList<>();
        for (String text : attachments) {
            decoded.add(JSON.readTree(text).toString());
        }
        assertThat(decoded).anyMatch(text -> text.contains("Zürich ☃"));
    }

    /** The demo organization with hostile text in names, aliases, OUs, SCPs and root events. */
    private static ObjectNode hostileDemo() throws IOException {
        ObjectNode demo;
        try (InputStream in = HostileDataTest.class.getResourceAsStream("/demo-organization.json")) {
            demo = (ObjectNode) JSON.readTree(in);
        }
        for (JsonNode account : demo.withArray("accounts")) {
            ObjectNode node = (ObjectNode) account;
            node.put("name", node.path("name").asText() + HOSTILE);
            node.putArray("aliases").add("alias" + HOSTILE);
            JsonNode events = node.path("monitoring").path("rootEvents");
            for (JsonNode event : events) {
                ((ObjectNode) event).put("name", event.path("name").asText("ConsoleLogin") + HOSTILE);
            }
        }
        for (JsonNode ou : demo.path("organization").path("organizationalUnits")) {
            ((ObjectNode) ou).put("name", ou.path("name").asText() + HOSTILE);
        }
        for (JsonNode policy : demo.path("organization").path("policies")) {
            ((ObjectNode) policy).put("name", policy.path("name").asText() + HOSTILE);
        }
        return demo;
    }
}
