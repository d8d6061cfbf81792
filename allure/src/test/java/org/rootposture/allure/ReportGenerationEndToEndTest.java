package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Allure commandline, unpacked by this module's build into the folder named by the system property
 * {@code rootposture.allure.home}.
 */
class ReportGenerationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path allureHome;

    @TempDir
    Path target;

    @BeforeAll
    static void commandline() {
        String home = System.getProperty("rootposture.allure.home");
        assertThat(home).as("system property rootposture.allure.home (set by the module's surefire configuration)")
                .isNotBlank();
        allureHome = Path.of(home);
        assertThat(AllureCommandLine.findHome(allureHome)).as("unpacked Allure commandline in " + home).isPresent();
    }

    @Test
    void generatesAnOfflineSingleFileReportWithVerdictCategoriesAndHistory() throws Exception {
        Path results = target.resolve("allure-results");
        Path report = target.resolve("allure-report");
        SampleResults.fourVerdicts(results);

        String line = generate(results, report);

        Path index = report.resolve("index.html");
        assertThat(line).isEqualTo("Root Posture report: " + index.toUri()
                + " (4 results: 1 compliant, 1 non-compliant, 1 unable to assess, 1 not applicable, 0 waived)");
        try (var files = Files.list(report)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", SummaryHtml.FILE_NAME, MatrixHtml.FILE_NAME, MatrixCsv.FILE_NAME);
        }
        try (var files = Files.list(target)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("nothing left of the temporary folder the report was written in")
                    .containsExactlyInAnyOrder("allure-results", "allure-report", "allure-history");
        }
        String html = Files.readString(index);
        assertThat(html).contains("<title>Root Posture compliance report</title>")
                .doesNotContain("googletagmanager", "google-analytics", "function gtag", "G-FVWC4GKEYS");
        assertThatCode(() -> ReportVerifier.verify(index)).doesNotThrowAnyException();

        JsonNode categories = reportData(html, "widgets/categories.json").get("items");
        Map<String, Integer> counts = new HashMap<>();
        categories.forEach(item -> counts.put(item.get("name").asText(), item.get("statistic").get("total").asInt()));
        assertThat(counts).containsOnly(Map.entry("Non-compliant", 1), Map.entry("Unable to assess", 1),
                Map.entry("Not applicable", 1));
        assertThat(html).contains("id=\"" + ReportPanel.PANEL_ID + "\"", "id=\"" + ReportPanel.SUMMARY_PANEL_ID + "\"",
                "allure.api.addTranslation('en'");
        assertThat(reportData(html, "widgets/environment.json").toString())
                .contains("Organization", "o-abc123", "Report generated", "Java version");
        assertThat(reportData(html, "widgets/executors.json").get(0).get("type").asText()).isEqualTo("local");

        Path history = target.resolve("allure-history");
        assertThat(JSON.readTree(history.resolve("history-trend.json").toFile())).hasSize(1);
        assertThat(history.resolve("history.json")).exists();

        SampleResults.result(results, "root user has no signing certificates in 111111111111", "passed", null);
        String second = generate(results, report);

        assertThat(second).endsWith("(5 results: 2 compliant, 1 non-compliant, 1 unable to assess, 1 not applicable, 0 waived)");
        assertThat(reportData(Files.readString(index), "widgets/history-trend.json")).hasSize(2);
        assertThat(JSON.readTree(history.resolve("history-trend.json").toFile())).hasSize(2);

        Path earlierVersion = Files.createDirectories(target.resolve("allure-report-site"));
        Files.move(history, earlierVersion.resolve("history"));
        generate(results, report);

        assertThat(reportData(Files.readString(index), "widgets/history-trend.json")).as("the history where earlier versions kept it")
                .hasSize(3);
        assertThat(JSON.readTree(history.resolve("history-trend.json").toFile())).hasSize(3);
    }

    @Test
    void anAttachmentSharedByResultsIsEmbeddedOnceAndReferencedByEach() throws Exception {
        Path results = target.resolve("allure-results");
        Files.createDirectories(results);
        String source = "rootposture-0123456789abcdef0123456789abcdef-attachment.json";
        Files.writeString(results.resolve(source), "{\"type\": \"AccountSummary\"}");
        for (String control : List.of("root.mfa.enabled", "root.mfa.hardware", "root.access-keys.absent")) {
            Path file = SampleResults.control(results, control, "111111111111", "management", null, "passed", null);
            com.fasterxml.jackson.databind.node.ObjectNode result = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
            result.putArray("attachments").addObject().put("name", "Evidence · AccountSummary").put("source", source)
                    .put("type", "application/json");
            JSON.writeValue(file.toFile(), result);
        }

        generate(results, target.resolve("allure-report"));

        Map<String, byte[]> files = ReportFiles.read(target.resolve("allure-report/index.html"));
        List<String> attachments = files.keySet().stream().filter(name -> name.startsWith("data/attachments/")).toList();
        assertThat(attachments).as("the record's file, embedded once").hasSize(1);
        List<String> referenced = new java.util.ArrayList<>();
        for (String name : files.keySet().stream().filter(name -> name.startsWith("data/test-cases/")).toList()) {
            referenced.add(JSON.readTree(files.get(name)).get("testStage").get("attachments").get(0).get("source").asText());
        }
        assertThat(referenced).hasSize(3).containsOnly(attachments.get(0).substring("data/attachments/".length()));
    }

    @Test
    void brokenResultsThatAreNotUnableToAssessAreTestDefects() throws Exception {
        Path results = target.resolve("allure-results");
        SampleResults.result(results, "root user posture", "broken", "java.lang.NullPointerException: boom");
        SampleResults.result(results, "root user posture 2", "broken", "Unable to assess: iam:GetAccountSummary failed with Throttling.");

        generate(results, target.resolve("allure-report"));

        String html = Files.readString(target.resolve("allure-report/index.html"));
        Map<String, Integer> counts = new HashMap<>();
        reportData(html, "widgets/categories.json").get("items")
                .forEach(item -> counts.put(item.get("name").asText(), item.get("statistic").get("total").asInt()));
        assertThat(counts).containsOnly(Map.entry("Test defects", 1), Map.entry("Unable to assess", 1));
    }

    @Test
    void anAuditRunShowsItsWaiversRunFactsAndMatrix() throws Exception {
        Path results = target.resolve("allure-results");
        Path report = target.resolve("allure-report");
        SampleResults.auditRun(results);

        generate(results, report);

        String html = Files.readString(report.resolve("index.html"));
        Map<String, Integer> counts = new HashMap<>();
        reportData(html, "widgets/categories.json").get("items")
                .forEach(item -> counts.put(item.get("name").asText(), item.get("statistic").get("total").asInt()));
        assertThat(counts).containsOnly(Map.entry("Non-compliant", 3), Map.entry("Unable to assess", 1),
                Map.entry("Not applicable", 1), Map.entry("Waived", 1));
        Map<String, String> environment = new HashMap<>();
        reportData(html, "widgets/environment.json").forEach(row -> environment.put(row.get("name").asText(), row.get("values").get(0).asText()));
        assertThat(environment).as("--env Organization=o-abc123 wins over the run record's o-test12345")
                .containsEntry("Organization", "o-abc123").containsEntry("Accounts", "4: 4 checked")
                .containsEntry("Run", "2026-11-22T00:00:00Z to 2026-11-22T00:00:10Z")
                .containsEntry("Waivers", "waivers.yaml: 2 waivers, 1 in force, 1 expired")
                .containsKeys("Waiver root.mfa.hardware · 222222222222", "Waiver root.contacts.security · 333333333333",
                        "Verdict Waived", "Compliance matrix", "Regions", "Framework version");
        assertThat(environment.get("Waiver root.contacts.security · 333333333333")).startsWith("EXPIRED on 2025-06-30");
        assertThat(Files.readString(report.resolve(MatrixCsv.FILE_NAME)))
                .contains("root.mfa.hardware,Title of root.mfa.hardware,CIS AWS Foundations Benchmark,Root user credentials,"
                        + "high,v3.0.0:1.6 v5.0.0:1.5,222222222222,prod-payments,,WAIVED,");
    }

    @Test
    void anAllureHeapTooSmallFailsInOneSentenceAndLeavesThePreviousReportAsItWas() throws Exception {
        Path results = target.resolve("allure-results");
        Path report = target.resolve("allure-report");
        SampleResults.fourVerdicts(results);
        generate(results, report);
        Map<Path, String> previous = contents(target);

        String[] args = {"--results", results.toString(), "--report", report.toString(), "--allure-home", allureHome.toString()};
        for (Exit exit : List.of(run(Map.of(), Stream.concat(Arrays.stream(args), Stream.of("--allure-heap", "8m")).toArray(String[]::new)),
                run(Map.of(AllureHeap.ENVIRONMENT_VARIABLE, "8m"), args))) {
            assertThat(exit.status()).isEqualTo(1);
            assertThat(exit.err()).isEqualTo("Root Posture report FAILED: The Allure commandline ran out of memory in its 8m heap;"
                    + " raise it with --allure-heap or the environment variable ROOTPOSTURE_ALLURE_HEAP, for example to 16m."
                    + System.lineSeparator());
            assertThat(contents(target)).as("every file beside and in the previous report, results excluded")
                    .isEqualTo(previous);
        }
    }

    private static Map<Path, String> contents(Path dir) throws Exception {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(file -> !file.startsWith(dir.resolve("allure-results"))).toList()) {
                contents.put(dir.relativize(file), Files.isDirectory(file) ? "(folder)" : Files.getLastModifiedTime(file) + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return contents;
    }

    private String generate(Path results, Path report) {
        Exit exit = run(Map.of(), "--results", results.toString(), "--report", report.toString(), "--allure-home",
                allureHome.toString(), "--env", "Organization=o-abc123");
        assertThat(exit.status()).as("exit status; stderr: %s", exit.err()).isZero();
        String[] lines = exit.out().strip().split("\\R");
        return lines[lines.length - 1];
    }

    private record Exit(int status, String out, String err) {
    }

    private static Exit run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportGenerator.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Exit(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private JsonNode reportData(String html, String name) throws Exception {
        Path page = Files.writeString(Files.createTempFile(target, "index", ".html"), html);
        return ReportFiles.json(page, name);
    }
}
