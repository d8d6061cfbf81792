package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compliance matrix as CSV (RFC 4180, UTF-8), one line per control, region and account, for auditors who work
 * in a spreadsheet. A value a spreadsheet would run as a formula (starting with {@code = + - @}) is prefixed with
 * {@code '}.
 *
 * <pre>
 * control,title,benchmark,section,severity,cis,account,account_name,region,verdict,detail
 * root.mfa.hardware,Root user MFA is a hardware device,CIS AWS Foundations Benchmark,...,222222222222,prod-payments,,WAIVED,"Waived until ..."
 * </pre>
 */
public final class MatrixCsv {

    /** The file's name beside the report's {@code index.html}. */
    public static final String FILE_NAME = "compliance-matrix.csv";

    static final List<String> HEADER = List.of("control", "title", "benchmark", "section", "severity", "cis", "account",
            "account_name", "region", "verdict", "detail");

    private MatrixCsv() {
    }

    /** The CSV text, header first, lines ended by CRLF. */
    public static String of(ComplianceMatrix matrix) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ComplianceMatrix.Cell cell : matrix.cells()) {
            ComplianceMatrix.Row row = cell.row();
            line(csv, List.of(row.control(), row.title(), row.benchmark(), row.section(), row.severity(),
                    String.join(" ", row.cis()), cell.account(), cell.accountName(), row.region(), cell.verdict().name(),
                    cell.message()));
        }
        return csv.toString();
    }

    /**
     * Writes {@value #FILE_NAME} into {@code dir}.
     *
     * @return the written file
     */
    public static Path write(ComplianceMatrix matrix, Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, of(matrix), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.matches("(?s).*[\",\r\n].*")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
