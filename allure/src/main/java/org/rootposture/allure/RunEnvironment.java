package org.rootposture.allure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.RunRecord;
import org.rootposture.contract.Tally;

/**
 * The rows of the Environment widget that tell an auditor what was checked, where, when and from what: the run
 * record written by the framework, the benchmarks and verdicts read from the results, the commit and workspace of
 * the pipeline, the waivers in use, where the compliance matrix is, and the legend of the verdicts. A value that is
 * not known is left out rather than guessed.
 */
final class RunEnvironment {

    static final String MATRIX_ROW = "Compliance matrix";

    private RunEnvironment() {
    }

    /**
     * @param run         the run record, if the framework wrote one
     * @param results     the verdicts of the results, as the report counts them
     * @param matrix      the compliance matrix of the results
     * @param commit      the commit the suite ran from, if known
     * @param environment the generator's process environment ({@code TF_WORKSPACE})
     */
    static Map<String, String> rows(Optional<RunRecord> run, Tally results, ComplianceMatrix matrix, Optional<String> commit,
                                    Map<String, String> environment) {
        Map<String, String> rows = new LinkedHashMap<>();
        run.ifPresent(record -> put(rows, "Organization", record.organizationId()));
        put(rows, "Accounts", accounts(run, matrix));
        put(rows, "Controls", matrix.controls().size() + " (" + benchmarks(matrix) + ")");
        put(rows, "Results", results.toString());
        run.filter(record -> record.start() != null && record.end() != null).ifPresent(record -> {
            if (record.evidenceRecorded() != null) {
                rows.put("Evidence recorded", record.evidenceRecorded() + " (the run this evidence snapshot was recorded in)");
                rows.put("Judged", record.start() + " to " + record.end() + ", from the snapshot, as of the time it was recorded");
            } else {
                rows.put("Run", record.start() + " to " + record.end());
            }
        });
        put(rows, MATRIX_ROW, "button at the top right of every page of this report; also "
                + MatrixHtml.FILE_NAME + " and " + MatrixCsv.FILE_NAME + " beside index.html");
        run.ifPresent(record -> waiverSummary(record, rows));
        run.ifPresent(record -> {
            put(rows, "Management account", record.managementAccount());
            put(rows, "Caller account", record.callerAccount());
        });
        put(rows, "Regions", regions(run, matrix));
        run.ifPresent(record -> put(rows, "Partition", record.partition()));
        put(rows, "CIS versions referenced", matrix.rows().stream().flatMap(row -> row.cis().stream())
                .map(reference -> reference.replaceAll(":.*", "")).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", ")));
        run.ifPresent(record -> put(rows, "Framework version", record.frameworkVersion()));
        commit.ifPresent(sha -> put(rows, "Git commit", sha));
        put(rows, "Terraform/OpenTofu workspace", environment.get("TF_WORKSPACE"));
        run.ifPresent(record -> record.waivers().forEach(waiver -> rows.put(
                "Waiver " + waiver.control() + " · " + waiver.account(), waiver(waiver))));
        for (ReportVerdict verdict : ReportVerdict.values()) {
            rows.put("Verdict " + verdict.label(), verdict.meaning() + " (" + verdict.name() + "; Allure status " + verdict.allureStatus() + ")");
        }
        return rows;
    }

    /** Every account in the report, and how many of them were checked; the same number the matrix shows. */
    private static String accounts(Optional<RunRecord> run, ComplianceMatrix matrix) {
        int inReport = matrix.accounts().size();
        return run.filter(record -> record.accountsChecked() != null).map(record -> {
            int skipped = record.accountsSkipped() == null ? 0 : record.accountsSkipped();
            return inReport + ": " + record.accountsChecked() + " checked" + (skipped == 0 ? ""
                    : ", " + skipped + " listed by the organization but not checked (suspended or closing; not applicable)");
        }).orElse(String.valueOf(inReport));
    }

    private static void waiverSummary(RunRecord record, Map<String, String> rows) {
        if (record.waiversFile() == null) {
            rows.put("Waivers", "none (no accepted-risk file; setting rootposture.waivers)");
            return;
        }
        long expired = record.waivers().stream().filter(RunRecord.WaiverRecord::expired).count();
        rows.put("Waivers", record.waiversFile() + ": " + record.waivers().size() + " waivers, "
                + (record.waivers().size() - expired) + " in force, " + expired + " expired");
    }

    private static String waiver(RunRecord.WaiverRecord waiver) {
        String use = waiver.failures() == 0 ? "matched no failing result"
                : waiver.expired() ? waiver.failures() + " failing result(s) reported as non-compliant"
                : "waived " + waiver.failures() + " failing result(s)";
        return (waiver.expired() ? "EXPIRED on " + waiver.expires() : "in force until " + waiver.expires())
                + ", approved by " + waiver.approver() + "; " + use + " (line " + waiver.line() + "): "
                + waiver.justification();
    }

    private static String regions(Optional<RunRecord> run, ComplianceMatrix matrix) {
        TreeSet<String> regions = new TreeSet<>(run.map(RunRecord::regions).orElse(List.of()));
        matrix.rows().stream().map(ComplianceMatrix.Row::region).filter(region -> !region.isEmpty()).forEach(regions::add);
        return regions.isEmpty() ? null : regions.size() + " (" + String.join(", ", regions) + ")";
    }

    private static String benchmarks(ComplianceMatrix matrix) {
        return matrix.rows().stream().map(ComplianceMatrix.Row::benchmark).distinct().collect(Collectors.joining("; "));
    }

    private static void put(Map<String, String> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.put(key, value);
        }
    }
}
