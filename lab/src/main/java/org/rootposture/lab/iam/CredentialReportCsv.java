package org.rootposture.lab.iam;

import static org.rootposture.lab.fixture.CredentialReport.Column.ARN;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_ENABLED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_LAST_CHANGED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_LAST_USED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_NEXT_ROTATION;
import static org.rootposture.lab.fixture.CredentialReport.Column.USER;
import static org.rootposture.lab.fixture.CredentialReport.Column.USER_CREATION_TIME;
import static org.rootposture.lab.fixture.LabTime.daysAgo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.CredentialReport.Column;
import org.rootposture.lab.fixture.CredentialReport;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.service.LabState;

/** The IAM credential report of an account as CSV: the lab's defaults for every column a row of the fixture leaves out. */
final class CredentialReportCsv {

    private static final DateTimeFormatter AWS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final LabState lab;

    CredentialReportCsv(LabState lab) {
        this.lab = lab;
    }

    String render(Account account) {
        CredentialReport report = account.credentialReport();
        if (report.csv() != null) {
            return report.csv();
        }
        List<String> lines = new ArrayList<>();
        lines.add(Arrays.stream(Column.values()).map(Column::toString).collect(Collectors.joining(",")));
        if (!report.omitRoot()) {
            lines.add(line(rootDefaults(account), report.root()));
        }
        report.users().forEach(user -> lines.add(line(userDefaults(account, user.user()), user)));
        return String.join("\n", lines);
    }

    private String line(Map<Column, Object> defaults, CredentialReport.Row row) {
        Map<Column, Object> values = new EnumMap<>(defaults);
        values.putAll(row.values());
        return Arrays.stream(Column.values()).map(column -> cell(values.get(column))).collect(Collectors.joining(","));
    }

    private String cell(Object value) {
        if (value instanceof LabTime time) {
            return AWS_DATE.format(lab.time(time));
        }
        String text = (String) value;
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static Map<Column, Object> rootDefaults(Account account) {
        Map<Column, Object> row = common();
        row.put(USER, "<root_account>");
        row.put(ARN, "arn:aws:iam::" + account.id() + ":root");
        row.put(USER_CREATION_TIME, daysAgo(1000));
        row.put(PASSWORD_ENABLED, "not_supported");
        row.put(PASSWORD_LAST_USED, "no_information");
        row.put(PASSWORD_LAST_CHANGED, "not_supported");
        row.put(PASSWORD_NEXT_ROTATION, "not_supported");
        return row;
    }

    private static Map<Column, Object> userDefaults(Account account, String user) {
        Map<Column, Object> row = common();
        row.put(USER, user);
        row.put(ARN, "arn:aws:iam::" + account.id() + ":user/" + user);
        row.put(USER_CREATION_TIME, daysAgo(365));
        row.put(PASSWORD_ENABLED, "false");
        return row;
    }

    private static Map<Column, Object> common() {
        Map<Column, Object> row = new EnumMap<>(Column.class);
        Arrays.stream(Column.values()).forEach(column -> row.put(column, column.name().endsWith("_ACTIVE") ? "false" : "N/A"));
        return row;
    }
}
