package org.rootposture.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the results of a posture run from its Allure results directory, as the report shows them: of several
 * results with one history id (a re-run, retries) only the latest counts, as in Allure.
 *
 * <pre>
 * List&lt;PostureResult&gt; results = PostureResults.read(Path.of("target/allure-results"));
 * Tally tally = Tally.of(results);
 * </pre>
 */
public final class PostureResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostureResults() {
    }

    /**
     * Every result in {@code resultsDir}, the latest of each history id, ordered by file name.
     *
     * @throws UncheckedIOException naming the directory or a result file that cannot be read as JSON
     */
    public static List<PostureResult> read(Path resultsDir) {
        Map<String, PostureResult> latest = new LinkedHashMap<>();
        for (Path file : resultFiles(resultsDir)) {
            PostureResult result = parse(file);
            latest.merge(result.historyId().isEmpty() ? file.getFileName().toString() : result.historyId(), result,
                    (a, b) -> b.stop() >= a.stop() ? b : a);
        }
        return List.copyOf(latest.values());
    }

    /** The {@code *-result.json} files directly inside {@code resultsDir}, sorted by name. */
    public static List<Path> resultFiles(Path resultsDir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(resultsDir, "*-result.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the results directory " + resultsDir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    static PostureResult parse(Path file) {
        JsonNode result;
        try {
            result = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Result file " + file + " is not readable JSON: " + e.getMessage(), e);
        }
        if (result == null || !result.isObject()) {
            throw new UncheckedIOException(new IOException("Result file " + file + " is not an Allure result"));
        }
        return of(result);
    }

    /** One Allure result, as parsed JSON. */
    public static PostureResult of(JsonNode result) {
        Map<String, List<String>> labels = pairs(result.path("labels"));
        Map<String, List<String>> parameters = pairs(result.path("parameters"));
        String control = first(labels, PostureLabels.CONTROL);
        String account = parameters.getOrDefault(PostureLabels.ACCOUNT, List.of()).stream()
                .filter(value -> value.matches("\\d{12}")).findFirst().orElse(first(parameters, PostureLabels.ACCOUNT));
        String message = result.path("statusDetails").path("message").asText("").strip();
        String label = first(labels, PostureLabels.VERDICT);
        ReportVerdict verdict = ReportVerdict.of(label, result.path("status").asText(""), message);
        int newline = message.indexOf('\n');
        String finding = newline < 0 ? message : message.substring(0, newline).strip();
        String detail = newline >= 0 ? message.substring(newline + 1).strip()
                : label.isEmpty() ? "" : result.path("statusDetails").path("trace").asText("").strip();
        return new PostureResult(result.path("name").asText(""), control, orElse(first(labels, "story"), control),
                orElse(first(labels, "epic"), "Custom controls"), first(labels, "feature"),
                Optional.of(first(labels, PostureLabels.SEVERITY)).flatMap(Severity::ofAllureLevel),
                labels.getOrDefault(PostureLabels.CIS, List.of()), account, orElse(first(parameters, PostureLabels.ACCOUNT_NAME), account),
                first(parameters, PostureLabels.REGION), first(labels, PostureLabels.OU), verdict, finding, detail,
                result.path("historyId").asText(""), result.path("stop").asLong(0));
    }

    private static Map<String, List<String>> pairs(JsonNode array) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        array.forEach(pair -> pairs.computeIfAbsent(pair.path("name").asText(""), name -> new ArrayList<>())
                .add(pair.path("value").asText("").strip()));
        return pairs;
    }

    private static String first(Map<String, List<String>> pairs, String name) {
        List<String> values = pairs.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
