package org.rootposture.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many results of each Allure status a results directory holds, read from the {@code status} field of its
 * {@code *-result.json} files. A status other than the four Allure verdicts, or none, counts as unknown.
 *
 * @param passed  results with status {@code passed}
 * @param failed  results with status {@code failed} (non-compliant)
 * @param broken  results with status {@code broken} (unable to assess, or a test defect)
 * @param skipped results with status {@code skipped} (not applicable)
 * @param unknown results with any other or no status
 */
public record ResultCounts(int passed, int failed, int broken, int skipped, int unknown) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Counts the {@code *-result.json} files directly inside {@code resultsDir}.
     *
     * @throws ReportException if a result file cannot be read or is not JSON
     */
    public static ResultCounts read(Path resultsDir) {
        int passed = 0;
        int failed = 0;
        int broken = 0;
        int skipped = 0;
        int unknown = 0;
        for (Path file : resultFiles(resultsDir)) {
            JsonNode result;
            try {
                result = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new ReportException("Result file " + file + " is not readable JSON: " + e.getMessage(), e);
            }
            switch (result == null ? "" : result.path("status").asText("").toLowerCase(Locale.ROOT)) {
                case "passed" -> passed++;
                case "failed" -> failed++;
                case "broken" -> broken++;
                case "skipped" -> skipped++;
                default -> unknown++;
            }
        }
        return new ResultCounts(passed, failed, broken, skipped, unknown);
    }

    /** All results counted. */
    public int total() {
        return passed + failed + broken + skipped + unknown;
    }

    /** For example {@code 4 results: 1 passed, 1 failed, 1 broken, 1 skipped}. */
    @Override
    public String toString() {
        String text = total() + (total() == 1 ? " result: " : " results: ") + passed + " passed, " + failed
                + " failed, " + broken + " broken, " + skipped + " skipped";
        return unknown == 0 ? text : text + ", " + unknown + " unknown";
    }

    /** The {@code *-result.json} files directly inside {@code resultsDir}, sorted by name. */
    static List<Path> resultFiles(Path resultsDir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(resultsDir, "*-result.json")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new ReportException("Cannot list the results directory " + resultsDir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }
}
