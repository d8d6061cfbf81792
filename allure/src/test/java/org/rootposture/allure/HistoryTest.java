package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path work;

    @Test
    void copiesThePreviousReportsHistoryReplacingAnyStaleOne() throws Exception {
        Path site = work.resolve("allure-report-site");
        Path results = work.resolve("allure-results");
        Files.createDirectories(site.resolve("history/nested"));
        Files.writeString(site.resolve("history/history-trend.json"), "[{\"data\":{\"passed\":3}}]");
        Files.writeString(site.resolve("history/nested/extra.json"), "{}");
        Files.createDirectories(results.resolve("history"));
        Files.writeString(results.resolve("history/stale.json"), "{}");

        int copied = History.copy(site, results);

        assertThat(copied).isEqualTo(2);
        assertThat(results.resolve("history/history-trend.json")).hasContent("[{\"data\":{\"passed\":3}}]");
        assertThat(results.resolve("history/nested/extra.json")).exists();
        assertThat(results.resolve("history/stale.json")).doesNotExist();
    }

    @Test
    void doesNothingWithoutAPreviousReport() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results"));

        assertThat(History.copy(work.resolve("allure-report-site"), results)).isZero();
        assertThat(results.resolve("history")).doesNotExist();
    }
}
