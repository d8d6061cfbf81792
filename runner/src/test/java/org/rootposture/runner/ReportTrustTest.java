package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.allure.Arguments;
import org.rootposture.allure.ComplianceMatrix;
import org.rootposture.allure.MatrixCsv;
import org.rootposture.allure.ReportGenerator;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A report an auditor can trust, over the demo organization: shards merge into exactly the unsharded report, an
 * account keeps its own history when the account set changes, and every count agrees wherever it is printed.
 */
class ReportTrustTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return RootPostureRunner.run(args, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private int demo(String output, String... more) {
        List<String> args = new ArrayList<>(List.of("--demo", "--max-attempts", "2", "--output", work.resolve(output).toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void shardsMergeIntoExactlyTheUnshardedReport() throws IOException {
        assertThat(demo("whole")).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(demo("shard1", "--shard", "1/2", "--no-report")).isIn(0, 1, 2);
        assertThat(demo("shard2", "--shard", "2/2", "--no-report")).isIn(0, 1, 2);
        Path merged = Files.createDirectories(work.resolve("merged/allure-results"));
        for (String shard : List.of("shard1", "shard2")) {
            try (Stream<Path> files = Files.list(work.resolve(shard).resolve("allure-results"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, merged.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        generate(merged, work.resolve("merged/allure-report"));

        List<PostureResult> whole = PostureResults.read(work.resolve("whole/allure-results"));
        List<PostureResult> shards = PostureResults.read(merged);
        assertThat(shards).isNotEmpty().hasSameSizeAs(whole);
        assertThat(Tally.of(shards).toString()).isEqualTo(Tally.of(whole).toString());
        assertThat(cells(ComplianceMatrix.of(shards))).isEqualTo(cells(ComplianceMatrix.of(whole)));
        assertThat(shards.stream().collect(Collectors.groupingBy(PostureResult::historyId, Collectors.counting())))
                .as("one history id per control, account and region").allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(allureStatistic(work.resolve("merged/allure-report/index.html")))
                .isEqualTo(allureStatistic(work.resolve("whole/allure-report/index.html")))
                .containsEntry("total", whole.size());
        assertThat(cells(ComplianceMatrix.read(merged))).as("the matrix the merged report shows").isEqualTo(cells(ComplianceMatrix.of(whole)));
    }

    @Test
    void anAccountKeepsItsOwnHistoryWhenOthersAreAddedOrRemoved() throws IOException {
        demo("out", "--targets", "222222222222,333333333333");
        Map<String, PostureResult> first = byCell(PostureResults.read(work.resolve("out/allure-results")));
        demo("out", "--targets", "333333333333,444444444444");
        List<PostureResult> second = PostureResults.read(work.resolve("out/allure-results"));
        JsonNode history = JSON.readTree(work.resolve("out/allure-history/history.json").toFile());

        assertThat(second).isNotEmpty();
        for (PostureResult result : second) {
            JsonNode items = history.path(result.historyId()).path("items");
            List<String> earlier = new ArrayList<>();
            for (int i = 1; i < items.size(); i++) {
                earlier.add(items.get(i).path("status").asText());
            }
            if (result.account().equals("444444444444")) {
                assertThat(earlier).as("the added account has no history: %s", result.name()).isEmpty();
            } else {
                assertThat(earlier).as("the history of %s is its own", result.name())
                        .containsExactly(first.get(cell(result)).verdict().allureStatus());
            }
        }
    }

    @Test
    void everyCountAgreesWithWaiversIncluded() throws IOException {
        Path waivers = Files.copy(Path.of("../sample-suite/waivers.yaml"), work.resolve("waivers.yaml"));
        PrintStream console = System.out;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            exit = demo("out", "--waivers", waivers.toString());
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        Path report = work.resolve("out/allure-report");
        List<PostureResult> results = PostureResults.read(work.resolve("out/allure-results"));
        Tally tally = Tally.of(results);

        assertThat(tally.count(ReportVerdict.WAIVED)).as("the demo's live waiver").isPositive();
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains("Root Posture runner: " + tally,
                "(" + tally + ")",
                "(" + results.stream().map(PostureResult::control).distinct().count() + " controls × 11 accounts: " + tally.verdicts() + ")");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains(tally.total() + " posture checks of 11 accounts in ")
                .contains(": " + tally.verdicts());
        Map<String, Long> csv = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(report.resolve(MatrixCsv.FILE_NAME).toFile())) {
            rows.forEachRemaining(row -> csv.merge(row.get("verdict"), 1L, Long::sum));
        }
        Map<String, Integer> categories = new HashMap<>();
        embedded(report.resolve("index.html"), "widgets/categories.json").path("items")
                .forEach(item -> categories.put(item.path("name").asText(), item.path("statistic").path("total").asInt()));
        Map<String, Integer> statistic = allureStatistic(report.resolve("index.html"));
        Map<String, String> environment = new HashMap<>();
        embedded(report.resolve("index.html"), "widgets/environment.json")
                .forEach(row -> environment.put(row.path("name").asText(), row.path("values").get(0).asText()));
        for (ReportVerdict verdict : ReportVerdict.values()) {
            assertThat(csv.getOrDefault(verdict.name(), 0L)).as("CSV %s", verdict).isEqualTo(tally.count(verdict));
            if (verdict != ReportVerdict.PASS) {
                assertThat(categories.getOrDefault(verdict.label(), 0)).as("category %s", verdict.label()).isEqualTo(tally.count(verdict));
            }
        }
        assertThat(statistic).containsEntry("passed", tally.count(ReportVerdict.PASS))
                .containsEntry("failed", tally.count(ReportVerdict.FAIL))
                .containsEntry("broken", tally.count(ReportVerdict.UNABLE_TO_ASSESS))
                .containsEntry("skipped", tally.count(ReportVerdict.NOT_APPLICABLE) + tally.count(ReportVerdict.WAIVED));
        assertThat(environment).containsEntry("Results", tally.toString())
                .containsEntry("Accounts", "11: 10 checked, 1 listed by the organization but not checked (suspended or closing; not applicable)");
    }

    private void generate(Path results, Path report) {
        Path home = EmbeddedAllure.home(EmbeddedAllure.cacheDirectory(Map.of("XDG_CACHE_HOME", work.resolve("cache").toString())));
        new ReportGenerator(Map.of(), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .generate(new Arguments(results, report, home, Map.of(), Arguments.DEFAULT_REPORT_NAME, Optional.empty(), Optional.empty()));
    }

    private static Map<String, PostureResult> byCell(List<PostureResult> results) {
        return results.stream().collect(Collectors.toMap(ReportTrustTest::cell, Function.identity()));
    }

    private static String cell(PostureResult result) {
        return result.control() + "|" + result.account() + "|" + result.region();
    }

    private static Map<String, ReportVerdict> cells(ComplianceMatrix matrix) {
        return matrix.cells().stream().collect(Collectors.toMap(
                c -> c.row().control() + "|" + c.row().region() + "|" + c.account(), ComplianceMatrix.Cell::verdict));
    }

    private static Map<String, Integer> allureStatistic(Path index) throws IOException {
        Map<String, Integer> statistic = new HashMap<>();
        embedded(index, "widgets/summary.json").path("statistic").properties()
                .forEach(field -> statistic.put(field.getKey(), field.getValue().asInt()));
        return statistic;
    }

    private static JsonNode embedded(Path index, String name) throws IOException {
        return org.rootposture.allure.ReportFiles.json(index, name);
    }
}
