package org.rootposture.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every setting Root Posture knows, with its property name, environment variable and meaning. */
public enum Setting {
    TARGETS("targets", "which accounts to check: caller, organization, or a comma-separated list of 12-digit account ids"),
    ROLE("role", "role name assumed in each member account (default OrganizationAccountAccessRole)"),
    ROLE_ARN("role-arn", "role to assume for the caller target, an IAM role ARN"),
    EXTERNAL_ID("external-id", "external id passed when assuming roles"),
    SESSION_NAME("session-name", "role session name recorded in CloudTrail (default rootposture-<user>)"),
    REGION("region", "AWS region for API calls (default: the SDK's region chain, AWS_REGION)"),
    ENDPOINT("endpoint", "one endpoint URL for every AWS service (a local lab or emulator)"),
    USAGE_WINDOW_DAYS("usage-window-days", "root use within this many days fails root.usage.none-recent (default 90)"),
    CREDENTIAL_REPORT_TIMEOUT("credential-report-timeout", "how long to wait for the IAM credential report, ISO-8601 (default PT2M)"),
    MAX_ATTEMPTS("max-attempts", "attempts per AWS call including retries, 1 to 20 (default 5)"),
    RETRY_MODE("retry-mode", "SDK retry mode: standard, adaptive or legacy (default adaptive)"),
    CALL_TIMEOUT("call-timeout", "total time one AWS call may take including retries, ISO-8601 (default PT30S)"),
    SETTINGS_FILE("settings-file", "a properties file with rootposture.* settings (default ./rootposture.properties if present)"),
    LAB("lab", "run against the built-in local lab instead of AWS: demo");

    static final String PREFIX = "rootposture.";

    private final String name;
    private final String meaning;

    Setting(String name, String meaning) {
        this.name = name;
        this.meaning = meaning;
    }

    /** The system property, e.g. {@code rootposture.usage-window-days}. */
    public String property() {
        return PREFIX + name;
    }

    /** The environment variable, e.g. {@code ROOTPOSTURE_USAGE_WINDOW_DAYS}. */
    public String environmentVariable() {
        return property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String meaning() {
        return meaning;
    }

    static Optional<Setting> byProperty(String property) {
        return Arrays.stream(values()).filter(s -> s.property().equals(property)).findFirst();
    }

    static Optional<Setting> byEnvironmentVariable(String variable) {
        return Arrays.stream(values()).filter(s -> s.environmentVariable().equals(variable)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Setting::property).collect(Collectors.joining(", "));
    }
}
