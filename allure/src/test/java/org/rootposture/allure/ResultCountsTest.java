package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCountsTest {

    @TempDir
    Path results;

    @Test
    void countsEachStatusFromResultFilesOnly() throws Exception {
        SampleResults.fourVerdicts(results);
        SampleResults.result(results, "another failure", "failed", "no");
        SampleResults.result(results, "odd", "unknown", null);
        Files.writeString(results.resolve("abc-container.json"), "{\"status\":\"failed\"}");
        Files.writeString(results.resolve("executor.json"), "{}");

        ResultCounts counts = ResultCounts.read(results);

        assertThat(counts).isEqualTo(new ResultCounts(1, 2, 1, 1, 1));
        assertThat(counts.total()).isEqualTo(6);
        assertThat(counts).hasToString("6 results: 1 passed, 2 failed, 1 broken, 1 skipped, 1 unknown");
    }

    @Test
    void emptyDirectoryCountsNothing() {
        ResultCounts counts = ResultCounts.read(results);

        assertThat(counts.total()).isZero();
        assertThat(counts).hasToString("0 results: 0 passed, 0 failed, 0 broken, 0 skipped");
    }

    @Test
    void malformedResultFileFailsNamingTheFile() throws Exception {
        Files.writeString(results.resolve("bad-result.json"), "{\"status\": ");

        assertThatThrownBy(() -> ResultCounts.read(results))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("bad-result.json");
    }
}
