package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @TempDir
    Path results;

    @Test
    void writesGivenPairsThenGenerationTimeAndJavaVersion() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("Organization", "o-abc123");
        given.put("Accounts: in scope", "12 = all active");
        given.put("Owner", "Zoë #platform \\ security");

        Path file = Environment.of(given, Instant.parse("2025-11-21T10:15:30.123Z"), "17.0.15").writeTo(results);

        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        }
        assertThat(file).isEqualTo(results.resolve("environment.properties"));
        assertThat(loaded).containsOnly(
                Map.entry("Organization", "o-abc123"),
                Map.entry("Accounts: in scope", "12 = all active"),
                Map.entry("Owner", "Zoë #platform \\ security"),
                Map.entry("Report generated", "2025-11-21T10:15:30Z"),
                Map.entry("Java version", "17.0.15"));
        assertThat(Files.readAllLines(file)).contains("Organization=o-abc123", "Report\\ generated=2025-11-21T10:15:30Z");
    }

    @Test
    void aGivenValueWinsOverADefault() {
        Environment environment = Environment.of(Map.of("Java version", "pinned"), Instant.EPOCH, "17");

        assertThat(environment.entries()).containsEntry("Java version", "pinned")
                .containsEntry("Report generated", "1970-01-01T00:00:00Z");
    }
}
