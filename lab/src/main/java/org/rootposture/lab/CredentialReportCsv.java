package org.rootposture.lab;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

final class CredentialReportCsv {

    static final List<String> COLUMNS = List.of(
            "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
            "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "access_key_2_last_used_region", "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");

    static final Set<String> DATE_COLUMNS = Set.of(
            "user_creation_time", "password_last_used", "password_last_changed", "password_next_rotation",
            "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_2_last_rotated",
            "access_key_2_last_used_date", "cert_1_last_rotated", "cert_2_last_rotated");

    private static final DateTimeFormatter AWS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    static final Set<String> NOT_A_DATE = Set.of("N/A", "no_information", "not_supported");

    private final LabState lab;

    CredentialReportCsv(LabState lab) {
        this.lab = lab;
    }

    String render(AccountFixture account) {
        CredentialReportFixture report = account.credentialReport();
        if (report.csv() != null) {
            return report.csv();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        if (!report.omitRoot()) {
            lines.add(line(rootDefaults(account), report.root()));
        }
        report.users().forEach(user -> lines.add(line(userDefaults(account, user.get("user")), user)));
        return String.join("\n", lines);
    }

    private String line(Map<String, String> defaults, Map<String, String> values) {
        Map<String, String> row = new LinkedHashMap<>(defaults);
        row.putAll(values);
        return COLUMNS.stream().map(column -> cell(column, row.get(column))).collect(Collectors.joining(","));
    }

    private String cell(String column, String value) {
        if (DATE_COLUMNS.contains(column) && !NOT_A_DATE.contains(value)) {
            return format(lab.time(value));
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static String format(Instant instant) {
        return AWS_DATE.format(instant);
    }

    private static Map<String, String> rootDefaults(AccountFixture account) {
        Map<String, String> row = common();
        row.put("user", "<root_account>");
        row.put("arn", "arn:aws:iam::" + account.id() + ":root");
        row.put("user_creation_time", "-P1000D");
        row.put("password_enabled", "not_supported");
        row.put("password_last_used", "no_information");
        row.put("password_last_changed", "not_supported");
        row.put("password_next_rotation", "not_supported");
        return row;
    }

    private static Map<String, String> userDefaults(AccountFixture account, String user) {
        Map<String, String> row = common();
        row.put("user", user);
        row.put("arn", "arn:aws:iam::" + account.id() + ":user/" + user);
        row.put("user_creation_time", "-P365D");
        row.put("password_enabled", "false");
        row.put("password_last_used", "N/A");
        row.put("password_last_changed", "N/A");
        row.put("password_next_rotation", "N/A");
        return row;
    }

    private static Map<String, String> common() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mfa_active", "false");
        for (String key : List.of("access_key_1", "access_key_2")) {
            row.put(key + "_active", "false");
            row.put(key + "_last_rotated", "N/A");
            row.put(key + "_last_used_date", "N/A");
            row.put(key + "_last_used_region", "N/A");
            row.put(key + "_last_used_service", "N/A");
        }
        for (String cert : List.of("cert_1", "cert_2")) {
            row.put(cert + "_active", "false");
            row.put(cert + "_last_rotated", "N/A");
        }
        return row;
    }
}
