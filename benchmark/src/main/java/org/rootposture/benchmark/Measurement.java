package org.rootposture.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one run over a lab organization cost: wall time, the AWS calls the lab served (by operation, throttled ones
 * included), how many it throttled, the verdicts, peak heap and threads, and the CPU time of the whole process and by
 * who spent it (the lab's own threads would be AWS's on a real run).
 */
record Measurement(
        String mode,
        int accounts,
        int concurrency,
        Duration latency,
        Duration wall,
        Map<String, Integer> callsByOperation,
        int throttles,
        VerdictTally.Verdicts verdicts,
        long peakHeapAfterGc,
        long peakHeapUsed,
        int peakThreads,
        long collections,
        double cpuSeconds,
        Map<CpuWatch.Part, Double> cpuByPart) {

    /** The calls made in an {@code sts:AssumeRoot} session, and the AssumeRoot itself: the root-session audit. */
    static final Set<String> ROOT_SESSION_AUDIT = Set.of("sts:AssumeRoot", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:ListMFADevices",
            "iam:ListSigningCertificates");
    private static final Set<String> MONITORING_SERVICES = Set.of("cloudtrail", "logs", "monitoring", "sns", "config", "guardduty", "events");

    /** Which controls a call serves, by its operation. */
    enum Group {
        ROOT_AND_GUARDRAILS("root credentials & guardrails (incl. sts:AssumeRole, organizations:ListAccounts)"),
        ROOT_SESSION("root-session audit (sts:AssumeRoot + 4 iam calls in the root session)"),
        MONITORING("monitoring (account:ListRegions, CloudTrail, Logs, CloudWatch, SNS, Config, GuardDuty, EventBridge)");

        final String title;

        Group(String title) {
            this.title = title;
        }

        static Group of(String operation) {
            if (ROOT_SESSION_AUDIT.contains(operation)) {
                return ROOT_SESSION;
            }
            String service = operation.substring(0, operation.indexOf(':'));
            return MONITORING_SERVICES.contains(service) || operation.equals("account:ListRegions") ? MONITORING : ROOT_AND_GUARDRAILS;
        }
    }

    /** Milliseconds of CPU per check: the process's time over the checks (tests) it ran. */
    double cpuMillisPerCheck() {
        return verdicts.total() == 0 ? 0 : 1000 * cpuSeconds / verdicts.total();
    }

    int totalCalls() {
        return callsByOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    double accountsPerSecond() {
        return accounts / seconds();
    }

    double seconds() {
        return wall.toNanos() / 1e9;
    }

    double callsPerAccount(Group group) {
        return callsByOperation.entrySet().stream().filter(entry -> Group.of(entry.getKey()) == group)
                .mapToInt(Map.Entry::getValue).sum() / (double) accounts;
    }

    Map<String, Integer> calls(Group group) {
        Map<String, Integer> calls = new TreeMap<>();
        callsByOperation.forEach((operation, count) -> {
            if (Group.of(operation) == group) {
                calls.put(operation, count);
            }
        });
        return calls;
    }

    /** Total calls × latency ÷ concurrency: the wall time the calls alone need at this concurrency. */
    double latencyBoundSeconds() {
        return totalCalls() * (latency.toNanos() / 1e9) / concurrency;
    }
}
