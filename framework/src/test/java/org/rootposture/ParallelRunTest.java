package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.organization.ScpDeniesRoot;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootMfaIsHardware;
import org.rootposture.root.SecurityContactRegistered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/**
 * A posture class run with JUnit's parallel execution, its methods and their invocations concurrent, against the demo
 * lab that the run starts through its service-provider hook: every result has the verdict the same class has run
 * sequentially, and every piece of evidence is attached to the result it belongs to, though Allure's current result
 * and the running check are each thread's own.
 */
class ParallelRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postureClassesRunInParallelWithEveryVerdictAndItsEvidenceInPlace(@TempDir Path sequential, @TempDir Path parallel) {
        run(sequential, Map.of());
        Everything.THREADS.clear();
        run(parallel, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

        assertThat(Everything.THREADS).as("threads the checks ran on").hasSizeGreaterThan(1);
        Set<String> verdicts = verdicts(parallel);
        assertThat(verdicts).hasSize(results(parallel).size()).isEqualTo(verdicts(sequential));
        assertThat(verdicts).contains("root.mfa.hardware|222222222222|FAIL", "root.mfa.hardware|777777777777|PASS",
                "acme.root.locked-down|222222222222|FAIL");
        assertThat(attachments(parallel)).as("each result's evidence, as in the sequential run").isEqualTo(attachments(sequential));
        for (JsonNode result : results(parallel)) {
            for (JsonNode attachment : result.path("attachments")) {
                assertThat(parallel.resolve(attachment.get("source").asText())).as("evidence of %s", result.get("name").asText()).isNotEmptyFile();
            }
        }
    }

    private static void run(Path results, Map<String, String> parallelism) {
        Map<String, String> parameters = new HashMap<>(parallelism);
        parameters.put("rootposture.lab", "demo");
        parameters.put("rootposture.targets", "organization");
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        try {
            LauncherFactory.create(LauncherConfig.builder()
                            .enableTestExecutionListenerAutoRegistration(false)
                            .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                            .build())
                    .execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(parameters)
                            .selectors(selectClass(Everything.class)).build());
        } finally {
            Allure.setLifecycle(original);
        }
    }

    /** {@code control|account|verdict} of every result, the region added for a per-region control. */
    private static Set<String> verdicts(Path results) {
        Set<String> verdicts = new TreeSet<>();
        for (JsonNode result : results(results)) {
            String region = parameter(result, "region");
            verdicts.add(label(result, "control") + "|" + parameter(result, "account") + (region.isEmpty() ? "" : "|" + region)
                    + "|" + label(result, "verdict"));
        }
        return verdicts;
    }

    /** The names of the evidence each result carries, by the result's identity. */
    private static Map<String, List<String>> attachments(Path results) {
        Map<String, List<String>> attachments = new TreeMap<>();
        for (JsonNode result : results(results)) {
            attachments.put(result.get("historyId").asText(), StreamSupport.stream(result.path("attachments").spliterator(), false)
                    .map(attachment -> attachment.get("name").asText()).sorted().toList());
        }
        return attachments;
    }

    private static List<JsonNode> results(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith("-result.json")).map(ParallelRunTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(JsonNode result, String name) {
        return StreamSupport.stream(result.path("labels").spliterator(), false).filter(label -> label.get("name").asText().equals(name))
                .map(label -> label.get("value").asText()).findFirst().orElse("");
    }

    private static String parameter(JsonNode result, String name) {
        return StreamSupport.stream(result.path("parameters").spliterator(), false).filter(p -> p.get("name").asText().equals(name))
                .map(p -> p.get("value").asText()).findFirst().orElse("");
    }

    @RootPosture
    static class Everything {

        static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

        @RootHasNoAccessKeys
        void rootHasNoAccessKeys(AwsAccount account) {
        }

        @RootMfaIsHardware
        void rootMfaIsHardware(AwsAccount account) {
        }

        @SecurityContactRegistered
        void securityContactRegistered(AwsAccount account) {
        }

        @ScpDeniesRoot
        void scpDeniesRoot(AwsAccount account) {
        }

        @ConfigRecordsAllRegions
        void configRecordsAllRegions(AwsAccount account) {
        }

        @ForEachAccount
        @Control(id = "acme.root.locked-down", title = "Root is locked down")
        void rootIsLockedDown(AwsAccount account) {
            THREADS.add(Thread.currentThread().getName());
            assertThat(account.root()).hasNoAccessKeys().hasHardwareMfa();
        }
    }
}
