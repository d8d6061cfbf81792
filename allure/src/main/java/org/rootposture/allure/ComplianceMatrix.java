package org.rootposture.allure;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.rootposture.contract.PostureResult;
import org.rootposture.contract.PostureResults;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * Every control × every account (× region, for per-region controls) with its verdict, read from the Allure results
 * of a posture run through {@link PostureResults}. Results that are not about a control are left out. Of several
 * results for one cell (two tests of one control) the worst verdict is shown.
 *
 * <pre>
 * ComplianceMatrix matrix = ComplianceMatrix.read(Path.of("target/allure-results"));
 * matrix.cell(matrix.rows().get(0), "222222222222");   // Optional[Cell[verdict=FAIL, ...]]
 * </pre>
 */
public final class ComplianceMatrix {

    private final Map<String, Cell> cells;

    private ComplianceMatrix(Map<String, Cell> cells) {
        this.cells = cells;
    }

    /**
     * One control as the report describes it.
     *
     * @param control   the control id
     * @param title     its title
     * @param benchmark the benchmark or policy it belongs to
     * @param section   the section within it
     * @param severity  its severity (critical, high, medium or low), or empty
     * @param cis       its CIS references, such as {@code v3.0.0:1.6}
     * @param region    the region of the results, or empty when they have none
     */
    public record Row(String control, String title, String benchmark, String section, String severity, List<String> cis,
                      String region) {
    }

    /**
     * The verdict of one control for one account.
     *
     * @param row         the control
     * @param account     the account id
     * @param accountName the account's name, or its id
     * @param ou          the account's place in the organization, or empty where the results do not say
     * @param verdict     the verdict
     * @param message     what the result said: the finding, then the account's own facts; empty for a pass
     */
    public record Cell(Row row, String account, String accountName, String ou, ReportVerdict verdict, String message) {
    }

    /** Reads the matrix from the results directory. */
    public static ComplianceMatrix read(Path resultsDir) {
        return of(PostureResults.read(resultsDir));
    }

    /** The matrix of these results. */
    public static ComplianceMatrix of(List<PostureResult> results) {
        Map<String, Cell> worst = new TreeMap<>();
        for (PostureResult result : results) {
            if (result.isControl()) {
                Cell cell = cell(result);
                worst.merge(key(cell.row(), cell.account()), cell, (a, b) -> b.verdict().weight() > a.verdict().weight() ? b : a);
            }
        }
        return new ComplianceMatrix(worst);
    }

    private static Cell cell(PostureResult result) {
        Row row = new Row(result.control(), result.title(), result.benchmark(), result.section(),
                result.severity().map(severity -> severity.word()).orElse(""), result.cis(), result.region());
        String message = result.verdict() == ReportVerdict.PASS ? ""
                : result.detail().isEmpty() ? result.finding() : result.finding() + " " + result.detail();
        return new Cell(row, orElse(result.account(), "(no account)"), orElse(result.accountName(), orElse(result.account(), "(no account)")),
                result.ou(), result.verdict(), message);
    }

    /** Every cell, ordered by benchmark, section, control, region and account. */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /** The rows, ordered by benchmark, section, control and region. */
    public List<Row> rows() {
        return cells.values().stream().map(Cell::row).distinct().sorted(Comparator.comparing(row -> key(row, ""))).toList();
    }

    /** Account id → name of every account in the matrix, ordered by id. */
    public Map<String, String> accounts() {
        Map<String, String> accounts = new TreeMap<>();
        cells.values().forEach(cell -> accounts.merge(cell.account(), cell.accountName(),
                (a, b) -> a.equals(cell.account()) ? b : a));
        return accounts;
    }

    /** Account id → its place in the organization, for the accounts whose results say; empty when none do. */
    public Map<String, String> ous() {
        Map<String, String> ous = new TreeMap<>();
        cells.values().stream().filter(cell -> !cell.ou().isEmpty()).forEach(cell -> ous.putIfAbsent(cell.account(), cell.ou()));
        return ous;
    }

    /** The tally of one account's cells. */
    public Tally tallyOfAccount(String account) {
        return tallyOf(cell -> cell.account().equals(account));
    }

    /** The tally of one row's cells: a control, in one region where it has regions. */
    public Tally tallyOfRow(Row row) {
        return tallyOf(cell -> cell.row().equals(row));
    }

    /** The tally of a control's cells, in every region. */
    public Tally tallyOfControl(String control) {
        return tallyOf(cell -> cell.row().control().equals(control));
    }

    /** The tally of the cells that match. */
    public Tally tallyOf(Predicate<Cell> which) {
        Tally tally = new Tally();
        cells.values().stream().filter(which).forEach(cell -> tally.add(cell.verdict()));
        return tally;
    }

    /** Whether any row has a region. */
    public boolean hasRegions() {
        return cells.values().stream().anyMatch(cell -> !cell.row().region().isEmpty());
    }

    /** The cell of a row and account, empty when that control was not checked there. */
    public Optional<Cell> cell(Row row, String account) {
        return Optional.ofNullable(cells.get(key(row, account)));
    }

    /** How many cells have each verdict. */
    public Tally tally() {
        return tallyOf(cell -> true);
    }

    /** The distinct control ids, in row order. */
    public List<String> controls() {
        return rows().stream().map(Row::control).distinct().toList();
    }

    /** For example {@code 7 controls × 8 accounts: 43 compliant, 9 non-compliant, 2 unable to assess, 1 not applicable, 1 waived}. */
    public String summary() {
        return controls().size() + " controls × " + accounts().size() + " accounts: " + tally().verdicts();
    }

    private static String key(Row row, String account) {
        return String.join("\u0000", row.benchmark(), row.section(), row.control(), row.region(), account);
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
