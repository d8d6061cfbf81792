package org.rootposture.internal.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.rootposture.internal.redaction.Redactor;
import org.rootposture.internal.targets.Target;
import org.rootposture.internal.targets.Targets;
import org.rootposture.internal.settings.SyntaxErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.Provenance;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * All the evidence a run read, per account, as versioned JSON, each record under the name and key its
 * {@link EvidenceRecord} describes: recorded during a live run
 * ({@code rootposture.record=FILE}) and replayed, with no AWS access, by a later one ({@code rootposture.replay=FILE}),
 * which then reaches the same verdicts. Each record keeps its {@link Provenance} (the calls and when they answered);
 * a read that failed is kept as the same {@link EvidenceUnavailableException}, and a record the recorded run never
 * read is unavailable on replay. Everything is redacted ({@link Redactor}) before it is written.
 *
 * <pre>
 * {
 *   "format" : "rootposture-evidence", "version" : 1, "recordedAt" : "2026-11-22T01:00:00Z", "region" : "us-east-1",
 *   "partition" : "aws", "callerAccountId" : "111111111111",
 *   "skipped" : [ { "id" : "121212121212", "name" : "closed-experiment", "reason" : "..." } ],
 *   "accounts" : {
 *     "222222222222" : { "name" : "prod-payments", "roleArn" : null, "records" : {
 *         "accountSummary" : { "evidence" : { "type" : "AccountSummary", ..., "provenance" : { ... } } },
 *         "alternateContact[SECURITY]" : { "unavailable" : { "operation" : "account:GetAlternateContact", "errorCode" : "AccessDenied", "detail" : "..." } },
 *         "monitoring.rootActivity[eu-west-1]" : { "evidence" : { ... } } } } },
 *   "alsoRead" : { "111111111111" : { "records" : { "monitoring.metricFilters[us-east-1, org-trail-logs]" : { ... } } } }
 * }
 * </pre>
 *
 * {@code alsoRead} holds what the run read in accounts it did not check, such as the management account that owns
 * an organization trail's log group, so that a replay judges the member accounts as the recorded run did.
 */
public final class EvidenceSnapshot {

    public static final String FORMAT = "rootposture-evidence";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Instant recordedAt;
    private final String region;
    private volatile Targets targets;
    private final Map<String, Map<String, JsonNode>> records = new ConcurrentHashMap<>();

    private EvidenceSnapshot(Path file, Instant recordedAt, String region, Targets targets) {
        this.file = file;
        this.recordedAt = recordedAt;
        this.region = region;
        this.targets = targets;
    }

    /** An empty snapshot that the run's evidence is recorded into, written to {@code file} at the end of the run. */
    public static EvidenceSnapshot recording(Path file, Instant recordedAt, String region) {
        return new EvidenceSnapshot(file, recordedAt, region, null);
    }

    /** When the recorded run started: a replay judges the evidence as of then. */
    public Instant recordedAt() {
        return recordedAt;
    }

    public String region() {
        return region;
    }

    public Path file() {
        return file;
    }

    /** The recorded run's accounts, listed and skipped. */
    public Targets targets() {
        return targets;
    }

    public void recordTargets(Targets resolved) {
        this.targets = resolved;
    }

    /** The organization as the recorded run saw it, if any account's record holds it. */
    public Optional<OrganizationInfo> organization() {
        return records.values().stream()
                .map(account -> account.get(OrganizationInfo.RECORD.name()))
                .filter(entry -> entry != null && entry.has("evidence"))
                .findFirst()
                .map(entry -> convert(entry.get("evidence"), OrganizationInfo.class, OrganizationInfo.RECORD.name()));
    }

    /** Wraps live evidence so that every record it reads, and every failure, is kept in this snapshot. */
    public AccountEvidence record(AccountEvidence live) {
        return new Recording(live, records.computeIfAbsent(live.identity().accountId(), id -> new ConcurrentSkipListMap<>()));
    }

    /** The evidence of one account as recorded; no AWS call is ever made. */
    public AccountEvidence replay(AccountIdentity identity) {
        return new Replay(identity, records.getOrDefault(identity.accountId(), Map.of()));
    }

    // ---- reading and writing ----

    public void write() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("recordedAt", recordedAt.toString());
        root.put("region", region);
        if (targets != null) {
            root.put("partition", targets.partition());
            root.put("callerAccountId", targets.callerAccountId());
            ArrayNode skipped = root.putArray("skipped");
            targets.skipped().forEach(s -> target(skipped.addObject(), s.target()).put("reason", s.reason()));
        }
        ObjectNode accounts = root.putObject("accounts");
        List<Target> listed = targets == null ? List.of() : targets.accounts();
        for (Target target : listed) {
            ObjectNode account = target(accounts.putObject(target.accountId()), target);
            account.remove("id");
            ObjectNode entries = account.putObject("records");
            new TreeMap<>(records.getOrDefault(target.accountId(), Map.of())).forEach(entries::set);
        }
        ObjectNode alsoRead = root.putObject("alsoRead");
        new TreeMap<>(records).forEach((accountId, entries) -> {
            if (listed.stream().noneMatch(target -> target.accountId().equals(accountId))) {
                ObjectNode recordsNode = alsoRead.putObject(accountId).putObject("records");
                new TreeMap<>(entries).forEach(recordsNode::set);
            }
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, MAPPER.writeValueAsString(Redactor.redact(root)));
        } catch (IOException e) {
            throw new SnapshotException(file, "cannot be written: " + e.getMessage(), e);
        }
    }

    private static ObjectNode target(ObjectNode node, Target target) {
        node.put("id", target.accountId());
        node.put("name", target.name().orElse(null));
        node.put("roleArn", target.roleArn().orElse(null));
        return node;
    }

    /**
     * Reads a snapshot.
     *
     * @throws SnapshotException naming the file and what is wrong: missing, not JSON, not a snapshot, another
     *                           version, or a record that does not parse
     */
    public static EvidenceSnapshot read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SnapshotException(file, "does not exist");
        } catch (JsonProcessingException e) {
            throw new SnapshotException(file, "is corrupted, not valid JSON at " + SyntaxErrors.describe(e), e);
        } catch (IOException e) {
            throw new SnapshotException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new SnapshotException(file, "is not a Root Posture evidence snapshot: \"format\" must be \"" + FORMAT + "\"");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
            throw new SnapshotException(file, "is version " + root.path("version") + ", but this Root Posture reads version " + VERSION
                    + " only: replay it with the Root Posture version that recorded it");
        }
        for (String field : List.of("recordedAt", "region", "partition", "callerAccountId")) {
            if (!root.path(field).isTextual()) {
                throw new SnapshotException(file, "is corrupted: \"" + field + "\" is missing or not a string");
            }
        }
        if (!root.path("accounts").isObject() || !root.path("skipped").isArray()) {
            throw new SnapshotException(file, "is corrupted: \"accounts\" must be an object and \"skipped\" a list");
        }
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(root.get("recordedAt").asText());
        } catch (RuntimeException e) {
            throw new SnapshotException(file, "is corrupted: \"recordedAt\" is not an ISO-8601 instant");
        }
        List<Target> accounts = new ArrayList<>();
        EvidenceSnapshot snapshot = new EvidenceSnapshot(file, recordedAt, root.get("region").asText(), null);
        root.get("accounts").fields().forEachRemaining(account -> {
            snapshot.readRecords("accounts", account);
            accounts.add(targetOf(account.getKey(), account.getValue()));
        });
        JsonNode alsoRead = root.path("alsoRead");
        if (!alsoRead.isMissingNode() && !alsoRead.isObject()) {
            throw new SnapshotException(file, "is corrupted: \"alsoRead\" must be an object");
        }
        alsoRead.fields().forEachRemaining(account -> snapshot.readRecords("alsoRead", account));
        List<Targets.Skipped> skipped = new ArrayList<>();
        root.get("skipped").forEach(s -> skipped.add(new Targets.Skipped(targetOf(s.path("id").asText(), s), s.path("reason").asText())));
        snapshot.targets = new Targets(root.get("partition").asText(), root.get("callerAccountId").asText(), accounts, skipped);
        snapshot.validateRecords();
        return snapshot;
    }

    private void readRecords(String section, Map.Entry<String, JsonNode> account) {
        if (!account.getKey().matches("\\d{12}") || !account.getValue().path("records").isObject()) {
            throw new SnapshotException(file, "is corrupted: account \"" + account.getKey() + "\" of \"" + section
                    + "\" needs a 12-digit id and \"records\"");
        }
        Map<String, JsonNode> entries = new ConcurrentSkipListMap<>();
        account.getValue().get("records").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        records.put(account.getKey(), entries);
    }

    private void validateRecords() {
        records.forEach((account, entries) -> entries.forEach((key, entry) -> {
            if (!(entry.has("evidence") || entry.path("unavailable").isObject())) {
                throw new SnapshotException(file, "is corrupted: record \"" + key + "\" of account " + account
                        + " holds neither \"evidence\" nor \"unavailable\"");
            }
            if (entry.has("evidence") && !entry.get("evidence").path("type").isTextual()) {
                throw new SnapshotException(file, "is corrupted: record \"" + key + "\" of account " + account + " has no evidence \"type\"");
            }
        }));
    }

    private static Target targetOf(String id, JsonNode node) {
        return new Target(id, Optional.ofNullable(node.path("name").textValue()), Optional.ofNullable(node.path("roleArn").textValue()));
    }

    private <T> T convert(JsonNode evidence, Class<T> type, String key) {
        try {
            return MAPPER.treeToValue(evidence, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SnapshotException(file, "is corrupted: record \"" + key + "\" is not a valid " + type.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException j ? SyntaxErrors.describe(j) : e.getMessage()), e);
        }
    }

    // ---- the two sides ----

    /** Live evidence whose every answer, and every failure, is kept. */
    private record Recording(AccountEvidence live, Map<String, JsonNode> entries) implements AccountEvidence {

        @Override
        public AccountIdentity identity() {
            return live.identity();
        }

        @Override
        public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
            String key = record.keyOf(request);
            try {
                T value = live.read(record, request);
                ObjectNode entry = MAPPER.createObjectNode();
                entry.set("evidence", MAPPER.valueToTree(value));
                entries.putIfAbsent(key, entry);
                return value;
            } catch (EvidenceUnavailableException e) {
                ObjectNode entry = MAPPER.createObjectNode();
                ObjectNode unavailable = entry.putObject("unavailable");
                unavailable.put("operation", e.operation());
                unavailable.put("errorCode", e.errorCode());
                unavailable.put("detail", e.detail());
                unavailable.put("at", e.at().toString());
                entries.putIfAbsent(key, entry);
                throw e;
            }
        }

        @Override
        public MonitoringEvidence monitoringOf(String accountId) {
            return accountId.equals(identity().accountId()) ? monitoring() : live.monitoringOf(accountId);
        }
    }

    /** Evidence answered from the snapshot alone. */
    private final class Replay implements AccountEvidence {

        private final AccountIdentity identity;
        private final Map<String, JsonNode> entries;

        Replay(AccountIdentity identity, Map<String, JsonNode> entries) {
            this.identity = identity;
            this.entries = entries;
        }

        @Override
        public AccountIdentity identity() {
            return identity;
        }

        @Override
        public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
            String key = record.keyOf(request);
            JsonNode entry = entries.get(key);
            if (entry == null) {
                throw new EvidenceUnavailableException(record.operation(), "NotInSnapshot", "the evidence snapshot " + file.getFileName()
                        + " holds no " + key + " record for account " + identity.accountId() + ": the recorded run did not read it");
            }
            JsonNode unavailable = entry.get("unavailable");
            if (unavailable != null) {
                throw new EvidenceUnavailableException(unavailable.path("operation").asText(record.operation()),
                        unavailable.path("errorCode").asText("Unknown"), unavailable.path("detail").asText(""));
            }
            return convert(entry.get("evidence"), record.type(), key);
        }

        @Override
        public MonitoringEvidence monitoringOf(String accountId) {
            return accountId.equals(identity.accountId()) ? monitoring() : replay(new AccountIdentity(accountId, identity.partition())).monitoring();
        }
    }
}
