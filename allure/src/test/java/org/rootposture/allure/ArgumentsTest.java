package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgumentsTest {

    @TempDir
    Path work;

    private Path results;
    private Path unpacked;

    @BeforeEach
    void layout() throws Exception {
        results = Files.createDirectories(work.resolve("target/allure-results"));
        unpacked = work.resolve("target/allure-commandline");
        Files.createDirectories(unpacked.resolve("allure-2.34.1/lib"));
    }

    @Test
    void parsesAllOptions() {
        Arguments arguments = Arguments.parse("--results", results.toString(),
                "--report", work.resolve("target/allure-report").toString(),
                "--allure-home", unpacked.toString(),
                "--env", "Organization=o-abc123", "--env", "Filter=a=b", "--name", "Posture Q4");

        assertThat(arguments.results()).isEqualTo(results);
        assertThat(arguments.report()).isEqualTo(work.resolve("target/allure-report"));
        assertThat(arguments.historyOutput()).isEqualTo(work.resolve("target/allure-history"));
        assertThat(arguments.allureHome()).isEqualTo(unpacked.resolve("allure-2.34.1"));
        assertThat(arguments.environment()).containsExactly(Map.entry("Organization", "o-abc123"), Map.entry("Filter", "a=b"));
        assertThat(arguments.reportName()).isEqualTo("Posture Q4");
        assertThat(arguments.previousHistory()).isEqualTo(work.resolve("target/allure-history"));
        assertThat(arguments.allureHeap()).as("not given: the environment variable or the default decides").isEmpty();
    }

    @Test
    void allureHeapIsASizeAsForJavaXmx() {
        assertThat(Arguments.parse(valid("--allure-heap", "1G")).allureHeap()).contains(AllureHeap.parse("1g"));
        assertError("--allure-heap: expected a heap size as for java -Xmx, in m or g and at least 8m, such as 1536m or 2g,"
                + " but got 'lots'", valid("--allure-heap", "lots"));
        assertError("--allure-heap: expected a heap size", valid("--allure-heap", "512k"));
        assertError("--allure-heap: expected a heap size", valid("--allure-heap", "4m"));
        assertError("--allure-heap: given more than once", valid("--allure-heap", "1g", "--allure-heap", "2g"));
    }

    @Test
    void historyComesFromTheGivenFolderWhichMustNotBeInsideTheResults() throws Exception {
        Path cache = Files.createDirectories(work.resolve("cache/history"));

        Arguments arguments = Arguments.parse("--results", results.toString(), "--report", work.resolve("r").toString(),
                "--allure-home", unpacked.toString(), "--history", cache.toString());

        assertThat(arguments.previousHistory()).isEqualTo(cache);
        assertError("--history: " + results.resolve("history") + " is inside --results", "--results", results.toString(),
                "--report", work.resolve("r").toString(), "--allure-home", unpacked.toString(), "--history",
                results.resolve("history").toString());
        Files.writeString(work.resolve("file"), "x");
        assertError("--history: not a directory", "--results", results.toString(), "--report", work.resolve("r").toString(),
                "--allure-home", unpacked.toString(), "--history", work.resolve("file").toString());
    }

    @Test
    void acceptsTheCommandlineHomeItselfAndDefaultsTheName() {
        Arguments arguments = Arguments.parse("--results", results.toString(), "--report", work.resolve("r").toString(),
                "--allure-home", unpacked.resolve("allure-2.34.1").toString());

        assertThat(arguments.allureHome()).isEqualTo(unpacked.resolve("allure-2.34.1"));
        assertThat(arguments.reportName()).isEqualTo(Arguments.DEFAULT_REPORT_NAME);
        assertThat(arguments.environment()).isEmpty();
    }

    @Test
    void missingOptionsAreNamed() {
        assertError("--results is required", "--report", "r", "--allure-home", unpacked.toString());
        assertError("--report is required", "--results", results.toString(), "--allure-home", unpacked.toString());
        assertError("--allure-home is required", "--results", results.toString(), "--report", "r");
    }

    @Test
    void badValuesAreNamed() {
        assertError("--results: no such directory", "--results", work.resolve("nope").toString(),
                "--report", "r", "--allure-home", unpacked.toString());
        assertError("--allure-home: ", "--results", results.toString(), "--report", "r",
                "--allure-home", work.toString());
        assertError("--env: expected KEY=VALUE but got 'novalue'", valid("--env", "novalue"));
        assertError("--env: expected KEY=VALUE but got '=x'", valid("--env", "=x"));
        assertError("--name: must not be blank", valid("--name", " "));
        assertError("--results: needs a value", "--results");
        assertError("--report: needs a value", "--report", "--results", results.toString());
        assertError("--results: given more than once", valid("--results", results.toString()));
        assertError("unknown argument '--verbose'", valid("--verbose"));
    }

    @Test
    void reportMustNotOverlapTheResults() {
        assertError("--report: " + results.getParent() + " overlaps --results", "--results", results.toString(),
                "--report", results.getParent().toString(), "--allure-home", unpacked.toString());
        assertError("overlaps --results", "--results", results.toString(),
                "--report", results.toString(), "--allure-home", unpacked.toString());
        assertError("--report: must not be named allure-history", "--results", results.toString(),
                "--report", work.resolve("allure-history").toString(), "--allure-home", unpacked.toString());
    }

    @Test
    void theHistoryIsReadBesideTheReportAndFromWhereEarlierVersionsKeptIt() throws Exception {
        Arguments arguments = Arguments.parse(valid());
        assertThat(arguments.previousHistory()).isEqualTo(work.resolve("allure-history"));

        Files.createDirectories(work.resolve("allure-report-site/history"));
        assertThat(arguments.previousHistory()).as("an earlier version's").isEqualTo(work.resolve("allure-report-site/history"));

        Files.createDirectories(work.resolve("allure-history"));
        assertThat(arguments.previousHistory()).as("this version's, once it wrote one").isEqualTo(work.resolve("allure-history"));
    }

    @Test
    void recognisesHelp() {
        assertThat(Arguments.isHelp("--results", "x", "--help")).isTrue();
        assertThat(Arguments.isHelp("--results", "x")).isFalse();
    }

    private String[] valid(String... extra) {
        String[] base = {"--results", results.toString(), "--report", work.resolve("r").toString(),
                "--allure-home", unpacked.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static void assertError(String message, String... args) {
        assertThatThrownBy(() -> Arguments.parse(args))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
