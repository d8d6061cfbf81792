package org.rootposture.settings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.contract.LocalLab;
import org.rootposture.internal.settings.Days;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Reads {@link Settings} once, from a launcher's command-line options (the runner's {@code --NAME VALUE}, handed over as
 * JUnit configuration parameters named {@code --NAME}), then the JUnit configuration parameters {@code rootposture.*}
 * (which JUnit reads from the launcher's request, the system properties and {@code junit-platform.properties}), then
 * the matching environment variables ({@code ROOTPOSTURE_*}), then an optional properties file, then defaults. Nothing
 * else in Root Posture reads the environment, and nothing sets a system property. A wrong value is named as the user
 * wrote it: {@code --concurrency}, {@code rootposture.concurrency}, {@code ROOTPOSTURE_CONCURRENCY} or
 * {@code rootposture.concurrency in FILE}. A launcher that runs posture classes in-process may also hand over the
 * caller's credentials as the parameters the AWS SDK reads from system properties ({@code aws.accessKeyId},
 * {@code aws.secretAccessKey}, {@code aws.sessionToken}); without them the SDK's default chain provides them.
 */
public final class SettingsReader {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@/-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern OU_ID = Pattern.compile("(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})");
    private static final Pattern TAG = Pattern.compile("[^=,]{1,128}=[^,]{0,256}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern SHARD = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");
    private static final Path DEFAULT_SETTINGS_FILE = Path.of("rootposture.properties");

    /** Where a value was given, which names the setting in messages as the user wrote it. */
    private sealed interface Source {
        String name(Setting setting);

        /** The setting with its value, as written there: {@code --targets terraform}, {@code rootposture.targets=terraform}. */
        default String written(Setting setting, String value) {
            return name(setting) + "=" + value;
        }
    }

    private record Option() implements Source {
        public String name(Setting setting) {
            return setting.option();
        }

        public String written(Setting setting, String value) {
            return setting.option() + " " + value;
        }
    }

    private record Property() implements Source {
        public String name(Setting setting) {
            return setting.property();
        }
    }

    private record Variable() implements Source {
        public String name(Setting setting) {
            return setting.environmentVariable();
        }
    }

    private record InFile(Path file) implements Source {
        public String name(Setting setting) {
            return setting.property() + " in " + file.toAbsolutePath();
        }

        public String written(Setting setting, String value) {
            return setting.property() + "=" + value + " in " + file.toAbsolutePath();
        }
    }

    private record Given(String value, Source source) {
    }

    private final Map<Setting, String> options;
    private final Function<String, Optional<String>> parameters;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Supplier<Optional<String>> sdkRegion;
    private final Source unset;

    SettingsReader(Map<Setting, String> options, Function<String, Optional<String>> parameters, Map<String, String> systemProperties,
                   Map<String, String> environment, Supplier<Optional<String>> sdkRegion, boolean commandLine) {
        this.options = Map.copyOf(options);
        this.parameters = parameters;
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
        this.sdkRegion = sdkRegion;
        this.unset = commandLine ? new Option() : new Property();
    }

    /** Reads the settings of this JVM: its system properties and environment. */
    public static Settings fromEnvironment() {
        return fromEnvironment(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * Reads the settings of a JUnit run: its configuration parameters ({@code rootposture.*}, and a launcher's
     * command-line options named as typed, {@link Setting#option()} such as {@code --concurrency}) and this JVM's
     * environment.
     */
    public static Settings fromEnvironment(Function<String, Optional<String>> configurationParameters) {
        Map<Setting, String> options = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            configurationParameters.apply(setting.option()).ifPresent(value -> options.put(setting, value));
        }
        return new SettingsReader(options, configurationParameters, systemProperties(), System.getenv(), SettingsReader::sdkRegion,
                !options.isEmpty()).read();
    }

    /**
     * Reads the settings of a command line: its options over this JVM's system properties, the given environment and
     * the settings file. A setting it lacks is named as an option ({@code --region}) in messages.
     */
    public static Settings fromCommandLine(Map<Setting, String> options, Map<String, String> environment) {
        Map<String, String> properties = systemProperties();
        return new SettingsReader(options, key -> Optional.ofNullable(properties.get(key)), properties, environment,
                SettingsReader::sdkRegion, true).read();
    }

    /** Reads settings from the given parameters and environment alone (no SDK region chain); for tests and embedding. */
    public static Settings from(Map<String, String> parameters, Map<String, String> environment) {
        return new SettingsReader(Map.of(), key -> Optional.ofNullable(parameters.get(key)), parameters, environment, Optional::empty,
                false).read();
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return properties;
    }

    Settings read() {
        Map<Setting, Given> values = new EnumMap<>(Setting.class);
        values.putAll(fileValues());
        values.putAll(environmentValues());
        values.putAll(propertyValues());
        options.forEach((setting, value) -> values.put(setting, new Given(value, new Option())));
        Values v = new Values(values);
        Optional<LocalLab> lab = v.lab();
        if (lab.isPresent() && v.endpoint().isPresent()) {
            throw new SettingsException(v.name(Setting.LAB) + " and " + v.name(Setting.ENDPOINT)
                    + " are both set: the local lab serves its own endpoint");
        }
        if (v.optional(Setting.RECORD).isPresent() && v.optional(Setting.REPLAY).isPresent()) {
            throw new SettingsException(v.name(Setting.RECORD) + " and " + v.name(Setting.REPLAY)
                    + " are both set: a run either records evidence from AWS or replays a snapshot");
        }
        return new Settings(
                v.targets(),
                v.matching(Setting.ROLE, ROLE_NAME, "an IAM role name", "OrganizationAccountAccessRole"),
                v.optionalMatching(Setting.ROLE_ARN, ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/audit"),
                v.optional(Setting.EXTERNAL_ID),
                v.matching(Setting.SESSION_NAME, SESSION_NAME, "2 to 64 characters of letters, digits and +=,.@-", defaultSessionName()),
                v.region(lab),
                v.endpoint(),
                Duration.ofDays(v.wholeNumber(Setting.USAGE_WINDOW_DAYS, 1, 3650, 90)),
                v.duration(Setting.CREDENTIAL_REPORT_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofMinutes(2)),
                v.wholeNumber(Setting.MAX_ATTEMPTS, 1, 20, 5),
                v.oneOf(Setting.RETRY_MODE, Settings.RetryModeSetting.class, Settings.RetryModeSetting.ADAPTIVE),
                v.duration(Setting.CALL_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30)),
                lab.map(LocalLab::name),
                v.filters(),
                v.shard(),
                v.wholeNumber(Setting.CONCURRENCY, 1, 64, 8),
                v.list(Setting.REGIONS, REGION, "AWS regions such as us-east-1"),
                v.optional(Setting.AWAIT).map(value -> v.duration(Setting.AWAIT, Duration.ofSeconds(1), Duration.ofHours(1), Duration.ZERO)),
                v.existingFile(Setting.WAIVERS, "an existing accepted-risk file"),
                v.optional(Setting.RECORD).map(Path::of),
                v.existingFile(Setting.REPLAY, "an existing evidence snapshot file"),
                v.optional(Setting.ACCOUNT_BUDGET).map(value -> v.duration(Setting.ACCOUNT_BUDGET, Duration.ofSeconds(1), Duration.ofHours(6), Duration.ZERO)),
                v.instant(Setting.EVIDENCE_NOT_BEFORE),
                v.yesOrNo(Setting.ROOT_SESSIONS),
                v.list(Setting.ROOT_EMAIL_DOMAINS, DOMAIN, "mail domains such as acme.com").stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList(),
                v.pastDay(Setting.ROOT_ACCESS_REVOKED_ON),
                credentials(),
                v.given());
    }

    private Map<Setting, Given> propertyValues() {
        systemProperties.keySet().stream().filter(key -> key.startsWith(Setting.PREFIX))
                .forEach(key -> known(key, Setting.byProperty(key), new Property(), "system property"));
        Map<Setting, Given> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            parameters.apply(setting.property()).ifPresent(value -> values.put(setting, new Given(value, new Property())));
        }
        return values;
    }

    /** The caller's credentials as a launcher handed them over, with the AWS SDK's own names; empty: the SDK's default chain. */
    private Optional<AwsCredentials> credentials() {
        Optional<String> accessKeyId = parameters.apply(SdkSystemSetting.AWS_ACCESS_KEY_ID.property());
        Optional<String> secretAccessKey = parameters.apply(SdkSystemSetting.AWS_SECRET_ACCESS_KEY.property());
        if (accessKeyId.isEmpty() || secretAccessKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parameters.apply(SdkSystemSetting.AWS_SESSION_TOKEN.property())
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKeyId.get(), secretAccessKey.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(accessKeyId.get(), secretAccessKey.get())));
    }

    private Map<Setting, Given> environmentValues() {
        Map<Setting, Given> values = new EnumMap<>(Setting.class);
        environment.forEach((key, value) -> {
            if (key.startsWith("ROOTPOSTURE_")) {
                values.put(known(key, Setting.byEnvironmentVariable(key), new Variable(), "environment variable"), new Given(value, new Variable()));
            }
        });
        return values;
    }

    private Map<Setting, Given> fileValues() {
        Optional<Given> explicit = Optional.ofNullable(options.get(Setting.SETTINGS_FILE)).map(value -> new Given(value, new Option()))
                .or(() -> parameters.apply(Setting.SETTINGS_FILE.property()).map(value -> new Given(value, new Property())))
                .or(() -> Optional.ofNullable(environment.get(Setting.SETTINGS_FILE.environmentVariable())).map(value -> new Given(value, new Variable())))
                .filter(given -> !given.value().isBlank());
        Path file = explicit.map(given -> Path.of(given.value().strip())).orElse(DEFAULT_SETTINGS_FILE);
        if (!Files.exists(file)) {
            if (explicit.isPresent()) {
                throw new SettingsException(explicit.get().source().name(Setting.SETTINGS_FILE) + ": the file '" + file.toAbsolutePath()
                        + "' does not exist");
            }
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("The settings file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
        Map<Setting, Given> values = new EnumMap<>(Setting.class);
        properties.forEach((key, value) -> values.put(
                known(String.valueOf(key), Setting.byProperty(String.valueOf(key)), new Property(), "key in " + file.toAbsolutePath()),
                new Given(String.valueOf(value), new InFile(file))));
        return values;
    }

    private static Setting known(String key, Optional<Setting> setting, Source source, String where) {
        return setting.orElseThrow(() -> new SettingsException("Unknown setting '" + key + "' (" + where + ")"
                + Setting.closestTo(key).map(s -> "; did you mean " + source.name(s) + "?").orElse("")
                + " The README's Settings table lists them all."));
    }

    private String defaultSessionName() {
        String user = systemProperties.getOrDefault("user.name", "unknown").replaceAll("[^\\w+=,.@-]", "-");
        String name = "rootposture-" + user;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static Optional<String> sdkRegion() {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion().id());
        } catch (RuntimeException noRegion) {
            return Optional.empty();
        }
    }

    private final class Values {
        private final Map<Setting, Given> values;

        Values(Map<Setting, Given> values) {
            this.values = values;
        }

        Optional<String> optional(Setting setting) {
            return Optional.ofNullable(values.get(setting)).map(given -> given.value().trim()).filter(s -> !s.isEmpty());
        }

        /** The setting as the user wrote it, or, if not given, as the user would write it here. */
        String name(Setting setting) {
            return Optional.ofNullable(values.get(setting)).map(Given::source).orElse(unset).name(setting);
        }

        /** The given setting with its value, as the user wrote it. */
        String written(Setting setting) {
            Given given = values.get(setting);
            return given.source().written(setting, given.value().strip());
        }

        /** How each given setting was written, for messages of later steps (an empty target list, say). */
        Map<Setting, String> given() {
            Map<Setting, String> given = new EnumMap<>(Setting.class);
            values.keySet().forEach(setting -> given.put(setting, written(setting)));
            return given;
        }

        String matching(Setting setting, Pattern pattern, String allowed, String fallback) {
            return optionalMatching(setting, pattern, allowed).orElse(fallback);
        }

        Optional<String> optionalMatching(Setting setting, Pattern pattern, String allowed) {
            Optional<String> value = optional(setting);
            value.filter(s -> !pattern.matcher(s).matches())
                    .ifPresent(s -> { throw invalid(setting, s, allowed); });
            return value;
        }

        int wholeNumber(Setting setting, int min, int max, int fallback) {
            Optional<String> value = optional(setting);
            if (value.isEmpty()) {
                return fallback;
            }
            String allowed = "a whole number from " + min + " to " + max;
            try {
                int number = Integer.parseInt(value.get());
                if (number < min || number > max) {
                    throw invalid(setting, value.get(), allowed);
                }
                return number;
            } catch (NumberFormatException e) {
                throw invalid(setting, value.get(), allowed);
            }
        }

        Duration duration(Setting setting, Duration min, Duration max, Duration fallback) {
            Optional<String> value = optional(setting);
            if (value.isEmpty()) {
                return fallback;
            }
            String allowed = "an ISO-8601 duration from " + min + " to " + max + ", such as PT2M";
            try {
                Duration duration = Duration.parse(value.get().toUpperCase(Locale.ROOT));
                if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
                    throw invalid(setting, value.get(), allowed);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw invalid(setting, value.get(), allowed);
            }
        }

        Optional<Instant> instant(Setting setting) {
            return optional(setting).map(value -> {
                try {
                    return Instant.parse(value.toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw invalid(setting, value, "an ISO-8601 instant with its offset, such as 2026-11-22T09:30:00Z or 2026-11-22T10:30:00+01:00"
                            + " (in a pipeline: date -u +%Y-%m-%dT%H:%M:%SZ before terraform apply)");
                }
            });
        }

        Optional<LocalDate> pastDay(Setting setting) {
            return optional(setting).map(value -> Days.begun(value).orElseThrow(() -> invalid(setting, value, Days.ALLOWED)));
        }

        boolean yesOrNo(Setting setting) {
            Optional<String> value = optional(setting);
            value.filter(s -> !s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false"))
                    .ifPresent(s -> { throw invalid(setting, s, "true or false"); });
            return value.map(Boolean::parseBoolean).orElse(false);
        }

        <E extends Enum<E>> E oneOf(Setting setting, Class<E> type, E fallback) {
            Optional<String> value = optional(setting);
            if (value.isEmpty()) {
                return fallback;
            }
            return Arrays.stream(type.getEnumConstants())
                    .filter(e -> e.name().equalsIgnoreCase(value.get()))
                    .findFirst()
                    .orElseThrow(() -> invalid(setting, value.get(), "one of " + Arrays.stream(type.getEnumConstants())
                            .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
        }

        Settings.TargetSpec targets() {
            String value = optional(Setting.TARGETS).orElse("caller");
            if (value.equalsIgnoreCase("caller")) {
                return new Settings.TargetSpec.Caller();
            }
            if (value.equalsIgnoreCase("organization")) {
                return new Settings.TargetSpec.Organization();
            }
            if (value.equalsIgnoreCase("terraform")) {
                return terraform();
            }
            List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            List<String> wrong = ids.stream().filter(id -> !ACCOUNT_ID.matcher(id).matches()).toList();
            if (ids.isEmpty() || !wrong.isEmpty()) {
                throw invalid(Setting.TARGETS, value,
                        "caller, organization, terraform, or a comma-separated list of 12-digit account ids" + (wrong.isEmpty() ? "" : "; not an account id: " + wrong));
            }
            return new Settings.TargetSpec.Accounts(ids.stream().distinct().toList());
        }

        private Settings.TargetSpec terraform() {
            Source targets = values.get(Setting.TARGETS).source();
            Path path = existingFile(Setting.TERRAFORM_OUTPUTS, "an existing file written by `terraform output -json`")
                    .orElseThrow(() -> new SettingsException(written(Setting.TARGETS) + " needs " + targets.name(Setting.TERRAFORM_OUTPUTS)
                            + ": the file written by `terraform output -json`"));
            String output = optional(Setting.TERRAFORM_OUTPUT).orElseThrow(() -> new SettingsException(written(Setting.TARGETS)
                    + " needs " + targets.name(Setting.TERRAFORM_OUTPUT) + ": the name of the output that holds the accounts"));
            return new Settings.TargetSpec.Terraform(path, output);
        }

        Optional<Path> existingFile(Setting setting, String allowed) {
            Optional<Path> file = optional(setting).map(Path::of);
            file.filter(path -> !Files.isRegularFile(path)).ifPresent(path -> {
                throw invalid(setting, path.toString(), allowed + " (not found: " + path.toAbsolutePath() + ")");
            });
            return file;
        }

        Optional<Settings.Shard> shard() {
            return optional(Setting.SHARD).map(value -> {
                Matcher matcher = SHARD.matcher(value);
                String allowed = "i/n with 1 <= i <= n <= 1000, such as 2/4";
                if (!matcher.matches()) {
                    throw invalid(Setting.SHARD, value, allowed);
                }
                int index = Integer.parseInt(matcher.group(1));
                int count = Integer.parseInt(matcher.group(2));
                if (index < 1 || index > count || count > 1000) {
                    throw invalid(Setting.SHARD, value, allowed);
                }
                return new Settings.Shard(index, count);
            });
        }

        Settings.TargetFilters filters() {
            return new Settings.TargetFilters(
                    list(Setting.INCLUDE_ACCOUNTS, ACCOUNT_ID, "12-digit account ids"),
                    list(Setting.EXCLUDE_ACCOUNTS, ACCOUNT_ID, "12-digit account ids"),
                    list(Setting.INCLUDE_OUS, OU_ID, "organizational unit ids such as ou-ab12-cd34ef56"),
                    list(Setting.EXCLUDE_OUS, OU_ID, "organizational unit ids such as ou-ab12-cd34ef56"),
                    list(Setting.INCLUDE_TAGS, TAG, "tags written key=value"),
                    list(Setting.EXCLUDE_TAGS, TAG, "tags written key=value"));
        }

        List<String> list(Setting setting, Pattern pattern, String allowed) {
            List<String> items = optional(setting).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim)
                    .filter(item -> !item.isEmpty())
                    .toList();
            List<String> wrong = items.stream().filter(item -> !pattern.matcher(item).matches()).toList();
            if (!wrong.isEmpty()) {
                throw invalid(setting, String.join(",", items), "a comma-separated list of " + allowed + "; wrong: " + wrong);
            }
            return items;
        }

        String region(Optional<LocalLab> lab) {
            return optionalMatching(Setting.REGION, REGION, "an AWS region such as us-east-1")
                    .or(() -> lab.map(LocalLab::region))
                    .or(sdkRegion)
                    .orElseThrow(() -> SettingsException.awsNotConfigured("No AWS region is configured: set " + name(Setting.REGION)
                            + ", AWS_REGION, or a region in your AWS profile."));
        }

        Optional<URI> endpoint() {
            return optional(Setting.ENDPOINT).map(value -> {
                try {
                    URI uri = new URI(value);
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        throw invalid(Setting.ENDPOINT, value, "an http or https URL such as http://127.0.0.1:4566");
                    }
                    return uri;
                } catch (URISyntaxException e) {
                    throw invalid(Setting.ENDPOINT, value, "an http or https URL such as http://127.0.0.1:4566");
                }
            });
        }

        /** The local lab asked for, found on the class path. */
        Optional<LocalLab> lab() {
            return optional(Setting.LAB).map(name -> {
                if (!name.equals("demo")) {
                    throw invalid(Setting.LAB, name, "demo");
                }
                return LocalLab.named(name).orElseThrow(() -> new SettingsException(written(Setting.LAB)
                        + " asks for the local lab, but it is not on the class path: it comes with the rootposture-lab module"
                        + " (mvn -Pdemo, or the runner's --demo)"));
            });
        }

        private SettingsException invalid(Setting setting, String value, String allowed) {
            return new SettingsException(name(setting) + ": '" + value + "' is not allowed; expected " + allowed);
        }
    }
}
