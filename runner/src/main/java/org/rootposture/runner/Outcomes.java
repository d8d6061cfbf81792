package org.rootposture.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The verdicts of a run, read back from its Allure results: passed = PASS, failed = FAIL (with the severity label),
 * broken = UNABLE_TO_ASSESS (or a test that crashed), skipped = NOT_APPLICABLE, or WAIVED when its message starts
 * "Waived until".
 */
record Outcomes(int pass, List<FailOn> failures, int unable, int notApplicable, int waived) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Outcomes read(Path results) {
        int pass = 0;
        int unable = 0;
        int notApplicable = 0;
        int waived = 0;
        List<FailOn> failures = new ArrayList<>();
        if (!Files.isDirectory(results)) {
            return new Outcomes(0, List.of(), 0, 0, 0);
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                JsonNode result = MAPPER.readTree(file.toFile());
                switch (result.path("status").asText("unknown").toLowerCase(Locale.ROOT)) {
                    case "passed" -> pass++;
                    case "failed" -> failures.add(FailOn.ofAllureLabel(severity(result)));
                    case "skipped" -> {
                        if (result.path("statusDetails").path("message").asText("").startsWith("Waived until")) {
                            waived++;
                        } else {
                            notApplicable++;
                        }
                    }
                    default -> unable++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Allure results in " + results + ": " + e.getMessage(), e);
        }
        return new Outcomes(pass, List.copyOf(failures), unable, notApplicable, waived);
    }

    private static Optional<String> severity(JsonNode result) {
        for (JsonNode label : result.path("labels")) {
            if ("severity".equals(label.path("name").asText())) {
                return Optional.of(label.path("value").asText());
            }
        }
        return Optional.empty();
    }

    int total() {
        return pass + failures.size() + unable + notApplicable + waived;
    }

    long failingAtOrAbove(FailOn threshold) {
        return failures.stream().filter(f -> f.reaches(threshold)).count();
    }

    /** 0 compliant, 1 a FAIL at or above the threshold, 2 UNABLE_TO_ASSESS and no such FAIL. */
    int exitCode(FailOn threshold) {
        if (failingAtOrAbove(threshold) > 0) {
            return RootPostureRunner.NON_COMPLIANT;
        }
        return unable > 0 ? RootPostureRunner.UNABLE_TO_ASSESS : RootPostureRunner.COMPLIANT;
    }

    String counts() {
        return String.format(Locale.ROOT, "%d results: %d PASS, %d FAIL, %d UNABLE_TO_ASSESS, %d NOT_APPLICABLE, %d WAIVED",
                total(), pass, failures.size(), unable, notApplicable, waived);
    }
}
