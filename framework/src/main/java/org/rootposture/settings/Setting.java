package org.rootposture.settings;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Every setting Root Posture knows, with its property name, environment variable and meaning. */
public enum Setting {
    TARGETS("targets", "which accounts to check: caller, organization, terraform, or a comma-separated list of 12-digit account ids"),
    TERRAFORM_OUTPUTS("terraform-outputs", "file written by `terraform output -json` or `tofu output -json` (with targets=terraform)"),
    TERRAFORM_OUTPUT("terraform-output", "name of the output holding account ids, a map of name to id, or role ARNs (with targets=terraform)"),
    INCLUDE_ACCOUNTS("include-accounts", "only these account ids (comma-separated)"),
    EXCLUDE_ACCOUNTS("exclude-accounts", "never these account ids (comma-separated)"),
    INCLUDE_OUS("include-ous", "only accounts under these organizational unit ids, nested OUs included (comma-separated)"),
    EXCLUDE_OUS("exclude-ous", "never accounts under these organizational unit ids, nested OUs included (comma-separated)"),
    INCLUDE_TAGS("include-tags", "only accounts carrying one of these tags, key=value (comma-separated)"),
    EXCLUDE_TAGS("exclude-tags", "never accounts carrying one of these tags, key=value (comma-separated)"),
    SHARD("shard", "check only shard i of n of the target accounts, written i/n, for a CI matrix of n runners"),
    CONCURRENCY("concurrency", "how many accounts are read at once, 1 to 64 (default 8)"),
    REGIONS("regions", "regions checked by per-region controls, comma-separated (default: each account's enabled regions, account:ListRegions)"),
    AWAIT("await", "how long to wait for evidence that is still settling after a deployment, ISO-8601 such as PT5M (default: read once)"),
    ROLE("role", "role name assumed in each member account (default OrganizationAccountAccessRole)"),
    ROLE_ARN("role-arn", "role to assume for the caller target, an IAM role ARN"),
    EXTERNAL_ID("external-id", "external id passed when assuming roles"),
    SESSION_NAME("session-name", "role session name recorded in CloudTrail (default rootposture-<user>)"),
    ROOT_SESSIONS("root-sessions", "true to read member accounts' root users through sts:AssumeRoot audit sessions (each leaves root events "
            + "in the member's CloudTrail, which the CIS root usage alarm fires on); false (default): from the credential report"),
    REGION("region", "AWS region for API calls (default: the SDK's region chain, AWS_REGION)"),
    ENDPOINT("endpoint", "one endpoint URL for every AWS service (a local lab or emulator)"),
    USAGE_WINDOW_DAYS("usage-window-days", "root use within this many days fails root.usage.none-recent (default 90)"),
    EVIDENCE_NOT_BEFORE("evidence-not-before", "the deployment's start, an ISO-8601 instant such as 2026-11-22T09:30:00Z: a credential report generated before it is stale, UNABLE_TO_ASSESS (default: any age)"),
    CREDENTIAL_REPORT_TIMEOUT("credential-report-timeout", "how long to wait for the IAM credential report, ISO-8601 (default PT2M)"),
    MAX_ATTEMPTS("max-attempts", "attempts per AWS call including retries, 1 to 20 (default 5)"),
    RETRY_MODE("retry-mode", "SDK retry mode: standard, adaptive or legacy (default adaptive)"),
    CALL_TIMEOUT("call-timeout", "total time one AWS call may take including retries, ISO-8601 (default PT30S)"),
    ACCOUNT_BUDGET("account-budget", "total time all AWS calls for one account may take, ISO-8601, e.g. PT2M (default unbounded)"),
    SETTINGS_FILE("settings-file", "a properties file with rootposture.* settings (default ./rootposture.properties if present)"),
    WAIVERS("waivers", "accepted-risk file, YAML (or JSON ending .json), of waived findings: control, account, justification, approver, expires"),
    RECORD("record", "write all evidence read during the run, redacted and with when and how it was read, to this JSON snapshot file"),
    REPLAY("replay", "evaluate the controls from this evidence snapshot (written with record) instead of AWS, making no AWS call"),
    LAB("lab", "run against the built-in local lab instead of AWS: demo"),
    ROOT_EMAIL_DOMAINS("root-email-domains", "the organization's mail domains, comma-separated, such as acme.com,acme.co.uk: every account's root "
            + "e-mail address must be on one of them or a subdomain (root.email.corporate-domain); default: only well-known personal mail providers fail"),
    ROOT_ACCESS_REVOKED_ON("root-access-revoked-on", "the day someone's access to the root user was last revoked (an offboarding), ISO-8601 "
            + "such as 2026-10-01: the root password must have been set on or after it (root.password.rotated)");

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

    /** The command-line option of a launcher such as the runner, e.g. {@code --usage-window-days}. */
    public String option() {
        return "--" + name;
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

    /** The setting whose property, environment variable or option is closest to a mistyped one, if any is close. */
    static Optional<Setting> closestTo(String mistyped) {
        String typed = mistyped.toLowerCase(Locale.ROOT).replace('_', '-').replaceFirst("^(--|rootposture[.-])", "");
        return Arrays.stream(values())
                .filter(s -> distance(typed, s.name) <= Math.max(2, s.name.length() / 4) || s.name.startsWith(typed) || typed.startsWith(s.name))
                .min(Comparator.comparingInt(s -> distance(typed, s.name)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
