package org.rootposture.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every control × every account (× region, where a result has a {@code region} parameter) with its verdict, read
 * from the Allure results of a posture run: the label {@code control}, the parameters {@code account},
 * {@code accountName} and {@code region}, and the status and message (see {@link ReportVerdict#of}). Results
 * without a {@code control} label are not controls and are left out. Of several results for one cell (a re-run, or
 * two tests of one control) the latest per test counts, and of different tests the worst verdict is shown.
 *
 * <pre>
 * ComplianceMatrix matrix = ComplianceMatrix.read(Path.of("target/allure-results"));
 * matrix.cell(matrix.rows().get(0), "222222222222");   // Optional[Cell[verdict=FAIL, ...]]
 * </pre>
 */
public final class ComplianceMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Cell> cells;

    private ComplianceMatrix(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /**
     * One control as the report describes it.
     *
     * @param control   the control id
     * @param title     its title
     * @param benchmark the benchmark or policy it belongs to
     * @param section   the section within it
     * @param severity  the Allure severity of a failure
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
     * @param verdict     the verdict
     * @param message     what the result said, empty for a pass
     */
    public record Cell(Row row, String account, String accountName, ReportVerdict verdict, String message) {
    }

    private record Result(String historyId, long stop, Cell cell) {
    }

    /**
     * Reads the matrix from the results directory.
     *
     * @throws ReportException naming a result file that is not readable JSON
     */
    public static ComplianceMatrix read(Path resultsDir) {
        Map<String, Result> latest = new LinkedHashMap<>();
        for (Path file : ResultCounts.resultFiles(resultsDir)) {
            parse(file).ifPresent(result -> latest.merge(result.historyId(), result,
                    (a, b) -> b.stop() >= a.stop() ? b : a));
        }
        Map<String, Cell> worst = new TreeMap<>();
        for (Result result : latest.values()) {
            Cell cell = result.cell();
            worst.merge(key(cell.row()) + "|" + cell.account(), cell,
                    (a, b) -> b.verdict().weight() > a.verdict().weight() ? b : a);
        }
        return new ComplianceMatrix(new ArrayList<>(worst.values()));
    }

    /** Every cell, ordered by benchmark, section, control, region and account. */
    public List<Cell> cells() {
        return cells;
    }

    /** The rows, ordered by benchmark, section, control and region. */
    public List<Row> rows() {
        return cells.stream().map(Cell::row).distinct().sorted(Comparator.comparing(ComplianceMatrix::key)).toList();
    }

    /** Account id → name of every account in the matrix, ordered by id. */
    public Map<String, String> accounts() {
        Map<String, String> accounts = new TreeMap<>();
        cells.forEach(cell -> accounts.merge(cell.account(), cell.accountName(),
                (a, b) -> a.equals(cell.account()) ? b : a));
        return accounts;
    }

    /** Whether any row has a region. */
    public boolean hasRegions() {
        return cells.stream().anyMatch(cell -> !cell.row().region().isEmpty());
    }

    /** The cell of a row and account, empty when that control was not checked there. */
    public Optional<Cell> cell(Row row, String account) {
        return cells.stream().filter(cell -> cell.row().equals(row) && cell.account().equals(account)).findFirst();
    }

    /** How many cells have each verdict, in {@link ReportVerdict} order, zeros included. */
    public Map<ReportVerdict, Integer> counts() {
        Map<ReportVerdict, Integer> counts = new EnumMap<>(ReportVerdict.class);
        for (ReportVerdict verdict : ReportVerdict.values()) {
            counts.put(verdict, 0);
        }
        cells.forEach(cell -> counts.merge(cell.verdict(), 1, Integer::sum));
        return counts;
    }

    /** The distinct control ids, in row order. */
    public List<String> controls() {
        return rows().stream().map(Row::control).distinct().toList();
    }

    /** For example {@code 7 controls × 8 accounts: 43 PASS, 9 FAIL, 2 UNABLE_TO_ASSESS, 1 NOT_APPLICABLE, 1 WAIVED}. */
    public String summary() {
        StringBuilder text = new StringBuilder(controls().size() + " controls × " + accounts().size() + " accounts:");
        String separator = " ";
        for (Map.Entry<ReportVerdict, Integer> count : counts().entrySet()) {
            text.append(separator).append(count.getValue()).append(' ').append(count.getKey());
            separator = ", ";
        }
        return text.toString();
    }

    private static String key(Row row) {
        return String.join("\u0000", row.benchmark(), row.section(), row.control(), row.region());
    }

    private static Optional<Result> parse(Path file) {
        JsonNode result;
        try {
            result = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ReportException("Result file " + file + " is not readable JSON: " + e.getMessage(), e);
        }
        Map<String, List<String>> labels = pairs(result.path("labels"));
        Map<String, List<String>> parameters = pairs(result.path("parameters"));
        String control = first(labels, "control");
        if (control.isEmpty()) {
            return Optional.empty();
        }
        String account = parameters.getOrDefault("account", List.of()).stream().map(String::strip)
                .filter(value -> value.matches("\\d{12}")).findFirst().orElse(first(parameters, "account"));
        String accountName = first(parameters, "accountName");
        Row row = new Row(control, orElse(first(labels, "story"), control), orElse(first(labels, "epic"), "Custom controls"),
                first(labels, "feature"), first(labels, "severity"), labels.getOrDefault("cis", List.of()),
                first(parameters, "region"));
        String message = result.path("statusDetails").path("message").asText("");
        Cell cell = new Cell(row, orElse(account, "(no account)"), orElse(accountName, orElse(account, "(no account)")),
                ReportVerdict.of(result.path("status").asText(""), message), message.strip());
        String historyId = orElse(result.path("historyId").asText(""), file.getFileName().toString());
        return Optional.of(new Result(historyId, result.path("stop").asLong(0), cell));
    }

    private static Map<String, List<String>> pairs(JsonNode array) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        array.forEach(pair -> pairs.computeIfAbsent(pair.path("name").asText(""), name -> new ArrayList<>())
                .add(pair.path("value").asText("")));
        return pairs;
    }

    private static String first(Map<String, List<String>> pairs, String name) {
        List<String> values = pairs.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0).strip();
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
