package org.rootposture.internal.evidence;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Parses the IAM credential report CSV by column name (order, extra columns, quoting and CRLF line ends do not
 * matter) and keeps the typed root row. A missing column, a missing root row or a value that is neither a date nor
 * one of AWS's special values is a malformed report.
 */
final class CredentialReportParser {

    static final String OPERATION = "iam:GetCredentialReport";
    static final String ROOT_USER = "<root_account>";
    private static final Set<String> NO_VALUE = Set.of("", "N/A", "no_information", "not_supported");
    private static final List<String> REQUIRED_COLUMNS = List.of(
            "user", "arn", "password_enabled", "password_last_used", "password_last_changed", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "access_key_2_last_used_region", "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");
    private static final ObjectReader READER = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    private CredentialReportParser() {
    }

    static CredentialReport parse(String csv, Instant generatedTime, Provenance provenance) {
        if (csv.isBlank()) {
            throw malformed("the report is empty");
        }
        List<Map<String, String>> rows = rows(csv);
        if (rows.isEmpty()) {
            throw malformed("the report has no rows");
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !rows.get(0).containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw malformed("the report lacks the column(s) " + missing);
        }
        List<Map<String, String>> rootRows = rows.stream().filter(row -> ROOT_USER.equals(row.get("user"))).toList();
        if (rootRows.size() != 1) {
            throw malformed(rootRows.isEmpty() ? "the report has no " + ROOT_USER + " row" : "the report has " + rootRows.size() + " " + ROOT_USER + " rows");
        }
        return new CredentialReport(generatedTime, root(rootRows.get(0)), rows.size() - 1, provenance);
    }

    private static List<Map<String, String>> rows(String csv) {
        try (MappingIterator<Map<String, String>> iterator = READER.readValues(csv)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (iterator.hasNextValue()) {
                rows.add(iterator.nextValue());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw malformed("the CSV cannot be parsed (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static RootCredentials root(Map<String, String> row) {
        String passwordEnabled = row.get("password_enabled");
        if (!Set.of("true", "false", "not_supported").contains(passwordEnabled)) {
            throw malformed("password_enabled of the root row is '" + passwordEnabled + "', expected true, false or not_supported");
        }
        return new RootCredentials(
                row.get("arn"),
                passwordEnabled,
                date(row, "password_last_used"),
                date(row, "password_last_changed"),
                flag(row, "mfa_active"),
                accessKey(row, 1),
                accessKey(row, 2),
                new RootCredentials.CertificateColumns(flag(row, "cert_1_active"), date(row, "cert_1_last_rotated")),
                new RootCredentials.CertificateColumns(flag(row, "cert_2_active"), date(row, "cert_2_last_rotated")));
    }

    private static RootCredentials.AccessKeyColumns accessKey(Map<String, String> row, int number) {
        String prefix = "access_key_" + number + "_";
        return new RootCredentials.AccessKeyColumns(
                flag(row, prefix + "active"),
                date(row, prefix + "last_rotated"),
                date(row, prefix + "last_used_date"),
                text(row, prefix + "last_used_region"),
                text(row, prefix + "last_used_service"));
    }

    private static boolean flag(Map<String, String> row, String column) {
        String value = row.get(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(column + " of the root row is '" + value + "', expected true or false");
        };
    }

    private static Instant date(Map<String, String> row, String column) {
        String value = row.get(column);
        if (NO_VALUE.contains(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(column + " of the root row is '" + value + "', neither a date nor N/A, no_information or not_supported");
        }
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return NO_VALUE.contains(value) ? null : value;
    }

    private static EvidenceUnavailableException malformed(String why) {
        return new EvidenceUnavailableException(OPERATION, "MalformedCredentialReport", why);
    }
}
