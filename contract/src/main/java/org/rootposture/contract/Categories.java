package org.rootposture.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The report's categories, one per verdict that is not a pass, matched by Allure status and the verdict's message
 * prefix ({@link ReportVerdict#messagePrefix()}), plus "Test defects" for a broken result that is not a verdict. Allure
 * groups a category's results by their message, whose first line names the finding, so one finding across many
 * accounts is one group. Written into the results by the framework at the end of every run and again by the report
 * generator, so it is there however the report is generated.
 *
 * <pre>
 * Categories.writeInto(Path.of("target/allure-results"));   // target/allure-results/categories.json
 * </pre>
 */
public final class Categories {

    /** The name Allure expects in the results directory. */
    public static final String FILE_NAME = "categories.json";

    /** The category of a broken result that is not a verdict: the test itself failed. */
    public static final String TEST_DEFECTS = "Test defects";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Categories() {
    }

    /** What each category says about its results. */
    static String description(ReportVerdict verdict) {
        return switch (verdict) {
            case FAIL -> "The evidence was read and the requirement is not met. Each group is one finding; each result in it "
                    + "names the account, and its evidence shows the gap.";
            case UNABLE_TO_ASSESS -> "The evidence could not be read or trusted (access denied, throttling past retries, "
                    + "timeouts, malformed or stale data); each group names the AWS call and error. Never counted as compliant.";
            case NOT_APPLICABLE -> "The requirement cannot apply to this account, for example a member account whose root "
                    + "credentials are managed centrally, or a partition without root users. The message says why.";
            case WAIVED -> "Non-compliant, but accepted as a risk: a waiver in the accepted-risk file names the control, the "
                    + "account, the approver, the justification and the expiry date. Non-compliant again once it expires.";
            case PASS -> "";
        };
    }

    /** The categories file's content. */
    public static String json() {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (ReportVerdict verdict : ReportVerdict.values()) {
            if (verdict == ReportVerdict.PASS) {
                continue;
            }
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("name", verdict.label());
            category.put("description", description(verdict));
            category.put("matchedStatuses", List.of(verdict.allureStatus()));
            if (!verdict.messagePrefix().isEmpty()) {
                category.put("messageRegex", "(?s)" + Pattern.quote(verdict.messagePrefix()) + ".*");
            }
            categories.add(category);
        }
        Map<String, Object> defects = new LinkedHashMap<>();
        defects.put("name", TEST_DEFECTS);
        defects.put("description", "A posture test itself failed with an unexpected error, so the control was not evaluated. "
                + "This is a bug in the test suite, not a finding about the account; treat the control as not assessed until it is fixed.");
        defects.put("matchedStatuses", List.of(ReportVerdict.UNABLE_TO_ASSESS.allureStatus()));
        defects.put("messageRegex", "(?s)(?!" + Pattern.quote(ReportVerdict.UNABLE_TO_ASSESS.messagePrefix()) + ").*");
        categories.add(defects);
        try {
            return JSON.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the categories: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes {@value #FILE_NAME} into the results directory, replacing any there.
     *
     * @return the written file
     */
    public static Path writeInto(Path resultsDir) {
        Path file = resultsDir.resolve(FILE_NAME);
        try {
            Files.writeString(file, json());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
