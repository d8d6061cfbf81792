package org.rootposture.runner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.rootposture.contract.ExitCode;
import org.rootposture.contract.PostureResult;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Severity;
import org.rootposture.contract.Tally;

/**
 * What the runner prints for the engineer who reads the pipeline's log: the counts, then the findings that decide the
 * exit code, worst first (severity, control, account and region, the finding's first line), then those that could
 * not be assessed, each list cut at {@code --list N} with how many more the report holds.
 *
 * <pre>
 * Root Posture runner: 185 results: 112 compliant, 27 non-compliant, 17 unable to assess, 29 not applicable, 0 waived
 *   23 non-compliant at or above --fail-on high, worst first (they make the exit code 1):
 *     critical  root.access-keys.absent  444444444444 · legacy-batch  The root user has access keys.
 *     … and 3 more in the report
 *   17 unable to assess (exit code 2 when nothing above fails):
 *     high      alarm.root-usage         131313131313 · vendor-sandbox  sts:AssumeRole failed with AccessDenied.
 *   4 non-compliant below --fail-on high, in the report
 * </pre>
 */
final class Findings {

    private static final Comparator<PostureResult> WORST_FIRST = Comparator
            .comparing((PostureResult result) -> result.severity().orElse(Severity.MEDIUM))
            .thenComparing(PostureResult::control)
            .thenComparing(PostureResult::account)
            .thenComparing(PostureResult::region);

    private Findings() {
    }

    static List<String> lines(List<PostureResult> results, Severity failOn, int limit) {
        List<String> lines = new ArrayList<>();
        lines.add("Root Posture runner: " + Tally.of(results));
        List<PostureResult> deciding = matching(results, result -> ExitCode.decides(result, failOn));
        List<PostureResult> unable = matching(results, result -> result.verdict() == ReportVerdict.UNABLE_TO_ASSESS);
        long below = results.stream().filter(result -> result.verdict() == ReportVerdict.FAIL && !ExitCode.decides(result, failOn)).count();
        if (!deciding.isEmpty()) {
            lines.add("  " + deciding.size() + " non-compliant at or above --fail-on " + failOn.word()
                    + ", worst first (they make the exit code " + ExitCode.NON_COMPLIANT.code() + "):");
            list(deciding, limit, lines);
        } else {
            lines.add("  none non-compliant at or above --fail-on " + failOn.word());
        }
        if (!unable.isEmpty()) {
            lines.add("  " + unable.size() + " unable to assess" + (deciding.isEmpty()
                    ? " (they make the exit code " + ExitCode.UNABLE_TO_ASSESS.code() + "):" : ":"));
            list(unable, limit, lines);
        }
        if (below > 0) {
            lines.add("  " + below + " non-compliant below --fail-on " + failOn.word() + ", in the report");
        }
        return lines;
    }

    private static List<PostureResult> matching(List<PostureResult> results, Predicate<PostureResult> filter) {
        return results.stream().filter(filter).sorted(WORST_FIRST).toList();
    }

    private static void list(List<PostureResult> results, int limit, List<String> lines) {
        List<PostureResult> shown = results.subList(0, Math.min(limit, results.size()));
        int control = shown.stream().mapToInt(result -> result.control().length()).max().orElse(0);
        int where = shown.stream().mapToInt(result -> result.where().length()).max().orElse(0);
        for (PostureResult result : shown) {
            lines.add(String.format(Locale.ROOT, "    %-8s  %-" + Math.max(control, 1) + "s  %-" + Math.max(where, 1) + "s  %s",
                    result.severity().map(Severity::word).orElse(""), result.control(), result.where(), result.findingText()));
        }
        if (results.size() > shown.size()) {
            lines.add("    … and " + (results.size() - shown.size()) + " more in the report");
        }
    }
}
