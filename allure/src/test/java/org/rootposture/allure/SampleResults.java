package org.rootposture.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.RunRecord;

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

    /** A control's result for one account, labelled and parameterised as the framework writes it. */
    static Path control(Path dir, String control, String account, String accountName, String region, String status,
                        String message) throws IOException {
        String uuid = UUID.randomUUID().toString();
        String name = control + " · " + account + (region == null ? "" : " · " + region);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uuid", uuid);
        result.put("historyId", Integer.toHexString(name.hashCode()));
        result.put("name", name);
        result.put("fullName", "com.example.posture.PostureTest." + control.replace('.', '_'));
        result.put("status", status);
        if (message != null) {
            int newline = message.indexOf('\n');
            result.put("statusDetails", newline < 0 ? Map.of("message", message)
                    : Map.of("message", message.substring(0, newline), "trace", message.substring(newline + 1)));
        }
        result.put("stage", "finished");
        result.put("start", 1_763_700_000_000L);
        result.put("stop", 1_763_700_001_500L);
        boolean custom = control.startsWith("acme.");
        result.put("labels", List.of(
                Map.of("name", "suite", "value", "com.example.posture.PostureTest"),
                Map.of("name", "epic", "value", custom ? "ACME cloud policy" : "CIS AWS Foundations Benchmark"),
                Map.of("name", "feature", "value", custom ? "Logging" : "Root user credentials"),
                Map.of("name", "story", "value", "Title of " + control),
                Map.of("name", "severity", "value", "critical"),
                Map.of("name", "control", "value", control),
                Map.of("name", "verdict", "value", ReportVerdict.of(null, status, message).name()),
                Map.of("name", "cis", "value", "v3.0.0:1.6"),
                Map.of("name", "cis", "value", "v5.0.0:1.5")));
        List<Map<String, String>> parameters = new java.util.ArrayList<>(List.of(
                Map.of("name", "account", "value", account + " · " + accountName),
                Map.of("name", "account", "value", account),
                Map.of("name", "accountName", "value", accountName)));
        if (region != null) {
            parameters.add(Map.of("name", "region", "value", region));
        }
        result.put("parameters", parameters);
        Path file = dir.resolve(uuid + "-result.json");
        Files.createDirectories(dir);
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    /** The account name of 333333333333 in {@link #auditRun}: HTML that must be shown, never run. */
    static final String HOSTILE_NAME = "dev <img src=https://outside.example/pixel.png> sandbox";

    /**
     * A run of three controls over four accounts with every verdict: 3 passed, 3 failed, 1 broken, 2 skipped (one
     * waived, one not applicable), one control per region, and the framework's run record.
     */
    static void auditRun(Path dir) throws IOException {
        control(dir, "root.mfa.hardware", "111111111111", "management", null, "passed", null);
        control(dir, "root.mfa.hardware", "222222222222", "prod-payments", null, "skipped",
                "Waived until 2099-12-31 by Jane Doe (CISO): hardware keys are on order. Finding: the MFA is virtual.");
        control(dir, "root.mfa.hardware", "333333333333", HOSTILE_NAME, null, "failed", "The root user has no MFA at all.");
        control(dir, "root.mfa.hardware", "444444444444", "legacy-batch", null, "broken",
                "Unable to assess: iam:ListVirtualMFADevices failed with Throttling.");
        control(dir, "root.contacts.security", "111111111111", "management", null, "passed", null);
        control(dir, "root.contacts.security", "333333333333", HOSTILE_NAME, null, "failed",
                "No SECURITY alternate contact is registered. (The waiver expired on 2025-06-30; it was approved by Sam Lee.)");
        control(dir, "root.contacts.security", "444444444444", "legacy-batch", null, "skipped",
                "Not applicable: root credentials are managed centrally.");
        control(dir, "acme.trail.logging", "111111111111", "management", "us-east-1", "passed", null);
        control(dir, "acme.trail.logging", "111111111111", "management", "eu-west-1", "failed", "No trail logs eu-west-1.");
        Files.writeString(dir.resolve(RunRecord.FILE_NAME), new RunRecord("o-test12345", "111111111111", "111111111111", "aws",
                4, 0, List.of("us-east-1", "eu-west-1"), "0.1.0-TEST", "2026-11-22T00:00:00Z", "2026-11-22T00:00:10Z", null, "waivers.yaml",
                List.of(new RunRecord.WaiverRecord("root.mfa.hardware", "222222222222", "Jane Doe (CISO)", "hardware keys are on order",
                                "2099-12-31", false, 1, 3),
                        new RunRecord.WaiverRecord("root.contacts.security", "333333333333", "Sam Lee", "contact being hired",
                                "2025-06-30", true, 1, 9))).toJson());
    }

    static void fourVerdicts(Path dir) throws IOException {
        result(dir, "root user has MFA in 111111111111", "passed", null);
        result(dir, "root user has no access keys in 222222222222", "failed",
                "root user of 222222222222 has 1 active access key: expected none");
        result(dir, "root user has MFA in 333333333333", "broken",
                "Unable to assess: iam:GetAccountSummary failed with AccessDenied.");
        result(dir, "root user has MFA in 444444444444", "skipped",
                "Not applicable: root credentials are managed centrally");
    }
}
