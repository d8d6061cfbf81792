package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

        int copied = History.carry(site.resolve("history"), results);

        assertThat(copied).isEqualTo(2);
        assertThat(results.resolve("history/history-trend.json")).hasContent("[{\"data\":{\"passed\":3}}]");
        assertThat(results.resolve("history/nested/extra.json")).exists();
        assertThat(results.resolve("history/stale.json")).doesNotExist();
    }

    @Test
    void readsEachResultsStatusInThePreviousRunNewestFirst() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results/history"));
        Files.writeString(results.resolve("history.json"), """
                {"a1": {"statistic": {"failed": 1, "passed": 1, "total": 2},
                        "items": [{"uid": "u2", "status": "failed", "statusDetails": "No SCP {denies}", "time": {"start": 2}},
                                  {"uid": "u1", "status": "passed", "time": {"start": 1}}]},
                 "b2": {"statistic": {"total": 0}, "items": []},
                 "c3": {"items": [{"status": "skipped"}]}}
                """);

        assertThat(History.previousStatuses(work.resolve("allure-results"))).containsOnly(Map.entry("a1", "failed"), Map.entry("c3", "skipped"));
        assertThat(History.previousStatuses(work.resolve("elsewhere"))).isEmpty();
        Files.writeString(results.resolve("history.json"), "[1, 2]");
        assertThatThrownBy(() -> History.previousStatuses(work.resolve("allure-results")))
                .hasMessageContaining("history.json is not readable: not the history Allure writes");
    }

    @Test
    void doesNothingWithoutAPreviousReport() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results"));

        assertThat(History.carry(work.resolve("allure-history"), results)).isZero();
        assertThat(results.resolve("history")).doesNotExist();
    }
}
