package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badArgumentExitsWith2AndNamesIt() {
        int status = run("--results", work.resolve("missing").toString(), "--report", "r", "--allure-home", "h");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("ReportGenerator: --allure-home: ")
                .contains("Usage: ReportGenerator --results DIR");
    }

    @Test
    void helpExitsWith0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--allure-home DIR");
    }

    @Test
    void emptyResultsFailWithoutRunningAllure() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results"));
        Path home = Files.createDirectories(work.resolve("allure/lib")).getParent();

        int status = run("--results", results.toString(), "--report", work.resolve("allure-report").toString(),
                "--allure-home", home.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Root Posture report FAILED: No *-result.json files in " + results);
        assertThat(results).isEmptyDirectory();
    }

    private int run(String... args) {
        return ReportGenerator.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
