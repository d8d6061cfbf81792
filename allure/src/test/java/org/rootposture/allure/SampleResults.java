package org.rootposture.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class SampleResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleResults() {
    }

    static Path result(Path dir, String name, String status, String message) throws IOException {
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uuid", uuid);
        result.put("historyId", Integer.toHexString(name.hashCode()));
        result.put("name", name);
        result.put("fullName", "org.rootposture.sample.RootPostureTest." + name.replace(' ', '_'));
        result.put("status", status);
        if (message != null) {
            result.put("statusDetails", Map.of("message", message, "trace", message + "\n\tat org.rootposture.Sample"));
        }
        result.put("stage", "finished");
        result.put("start", 1_763_700_000_000L);
        result.put("stop", 1_763_700_001_500L);
        result.put("labels", List.of(
                Map.of("name", "suite", "value", "Root user posture"),
                Map.of("name", "feature", "value", "Root MFA"),
                Map.of("name", "framework", "value", "junit-platform")));
        Path file = dir.resolve(uuid + "-result.json");
        Files.createDirectories(dir);
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    static void fourVerdicts(Path dir) throws IOException {
        result(dir, "root user has MFA in 111111111111", "passed", null);
        result(dir, "root user has no access keys in 222222222222", "failed",
                "root user of 222222222222 has 1 active access key: expected none");
        result(dir, "root user has MFA in 333333333333", "broken",
                "Unable to assess ROOT-MFA: AccessDenied on iam:GetAccountSummary");
        result(dir, "root user has MFA in 444444444444", "skipped",
                "Not applicable: root credentials are managed centrally");
    }
}
