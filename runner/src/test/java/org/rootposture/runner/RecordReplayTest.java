package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Evidence snapshots through the runner: recorded from the demo organization, replayed with no lab and no AWS. */
class RecordReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RootPostureRunner.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** control × account (× region) → Allure status. */
    private static Map<String, String> verdicts(Path results) throws IOException {
        Map<String, String> verdicts = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                verdicts.put(result.path("fullName").asText() + " · " + result.path("name").asText(), result.path("status").asText());
            }
        }
        return verdicts;
    }

    @Test
    void aReplayOfTheDemoOrganizationReachesTheSameVerdicts() throws IOException {
        Path snapshot = dir.resolve("evidence.json");
        int recorded = run("--demo", "--no-report", "--max-attempts", "1", "--record", snapshot.toString(),
                "--output", dir.resolve("recorded").toString());
        assertThat(recorded).as(out + "" + err).isEqualTo(1);
        JsonNode written = JSON.readTree(snapshot.toFile());
        assertThat(written.path("format").asText()).isEqualTo("rootposture-evidence");
        assertThat(written.path("version").asInt()).isEqualTo(1);
        assertThat(written.path("accounts").size()).isGreaterThan(5);
        assertThat(written.toString()).contains("\"unavailable\"", "\"provenance\"", "\"readAt\"")
                .doesNotContain("aws.secretAccessKey");

        out.reset();
        int replayed = run("--replay", snapshot.toString(), "--targets", "organization", "--no-report",
                "--output", dir.resolve("replayed").toString());
        assertThat(replayed).as(out + "" + err).isEqualTo(recorded);
        Map<String, String> live = verdicts(dir.resolve("recorded/allure-results"));
        assertThat(live).hasSizeGreaterThan(100);
        assertThat(verdicts(dir.resolve("replayed/allure-results"))).isEqualTo(live);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("replayed, no AWS call made");
    }

    @Test
    void aCorruptedSnapshotIsAConfigurationErrorNamingTheFile() throws IOException {
        Path snapshot = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"rootposture-evidence\", \"version\": 1, \"accounts\": {");
        assertThat(run("--replay", snapshot.toString(), "--no-report", "--output", dir.resolve("out").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The evidence snapshot " + snapshot + " is corrupted, not valid JSON at line 1");
    }

    @Test
    void aSnapshotOfAnotherVersionIsAConfigurationError() throws IOException {
        ObjectNode other = JSON.createObjectNode().put("format", "rootposture-evidence").put("version", 2);
        other.putObject("accounts");
        Path snapshot = Files.writeString(dir.resolve("v2.json"), other.toString());
        assertThat(run("--replay", snapshot.toString(), "--no-report", "--output", dir.resolve("out").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("evidence snapshot " + snapshot, "is version 2",
                "reads version 1 only");
    }

    @Test
    void somethingElseIsNotASnapshot() throws IOException {
        Path snapshot = Files.writeString(dir.resolve("outputs.json"), "{\"audited_accounts\": {\"value\": []}}");
        assertThat(run("--replay", snapshot.toString(), "--no-report", "--output", dir.resolve("out").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a Root Posture evidence snapshot");
    }
}
