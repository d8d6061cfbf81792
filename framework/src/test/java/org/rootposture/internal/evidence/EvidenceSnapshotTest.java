package org.rootposture.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.Provenance;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.targets.Target;
import org.rootposture.internal.targets.Targets;

class EvidenceSnapshotTest {

    private static final Instant READ = Instant.parse("2026-11-22T01:00:00Z");
    private static final AccountIdentity ACCOUNT = new AccountIdentity("222222222222", "aws");

    @TempDir
    Path dir;

    /** Answers an account summary, and AccessDenied for the security contact; anything else is not expected. */
    private static AccountEvidence live() {
        return new AccountEvidence() {
            @Override
            public AccountIdentity identity() {
                return ACCOUNT;
            }

            @Override
            public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
                if (record.equals(AccountSummary.RECORD)) {
                    return record.type().cast(new AccountSummary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0),
                            Provenance.of(READ, "iam:GetAccountSummary")));
                }
                if (record.equals(AlternateContact.RECORD)) {
                    throw new EvidenceUnavailableException("account:GetAlternateContact", "AccessDenied", "not authorized");
                }
                throw new AssertionError(record.name());
            }

            @Override
            public MonitoringEvidence monitoringOf(String accountId) {
                throw new AssertionError(accountId);
            }
        };
    }

    private Path recorded() {
        Path file = dir.resolve("snapshot.json");
        EvidenceSnapshot recording = EvidenceSnapshot.recording(file, READ, "us-east-1");
        recording.recordTargets(new Targets("aws", "111111111111", List.of(new Target("222222222222", Optional.of("prod"), Optional.empty())),
                List.of(new Targets.Skipped(new Target("121212121212", Optional.of("closed"), Optional.empty()), "the account is SUSPENDED"))));
        AccountEvidence evidence = recording.record(live());
        AccountSummary summary = evidence.accountSummary();
        assertThat(summary.value("AccountMFAEnabled")).contains(1);
        assertThatThrownBy(evidence::securityContact).isInstanceOf(EvidenceUnavailableException.class);
        recording.write();
        return file;
    }

    @Test
    void noEvidenceRecordHasAComponentNamedLikeTheSnapshotsTypeId() throws Exception {
        Path evidence = Path.of(Evidence.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/rootposture/evidence");
        List<Class<?>> records;
        try (var files = Files.list(evidence)) {
            records = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("org.rootposture.evidence." + name.replace(".class", "")))
                    .filter(type -> type.isRecord() && Evidence.class.isAssignableFrom(type)).toList();
        }
        assertThat(records).contains(AlternateContact.class, AccountSummary.class)
                .allSatisfy(type -> assertThat(type.getRecordComponents()).extracting(component -> component.getName()).doesNotContain("type"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void replaysWhatWasReadAndWhatFailed() {
        EvidenceSnapshot snapshot = EvidenceSnapshot.read(recorded());
        assertThat(snapshot.recordedAt()).isEqualTo(READ);
        assertThat(snapshot.region()).isEqualTo("us-east-1");
        assertThat(snapshot.targets()).isEqualTo(new Targets("aws", "111111111111",
                List.of(new Target("222222222222", Optional.of("prod"), Optional.empty())),
                List.of(new Targets.Skipped(new Target("121212121212", Optional.of("closed"), Optional.empty()), "the account is SUSPENDED"))));
        AccountEvidence replayed = snapshot.replay(ACCOUNT);
        assertThat(replayed.accountSummary()).isEqualTo(live().accountSummary());
        assertThatThrownBy(replayed::securityContact).isInstanceOfSatisfying(EvidenceUnavailableException.class, e -> {
            assertThat(e.operation()).isEqualTo("account:GetAlternateContact");
            assertThat(e.errorCode()).isEqualTo("AccessDenied");
            assertThat(e.detail()).isEqualTo("not authorized");
        });
        assertThatThrownBy(replayed::credentialReport).isInstanceOfSatisfying(EvidenceUnavailableException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("NotInSnapshot");
            assertThat(e.detail()).contains("snapshot.json", "credentialReport", "222222222222");
        });
    }

    @Test
    void namesTheFileAndTheProblem() throws IOException {
        Path file = recorded();
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"version\" : 1", "\"version\" : 7"));
        assertThatThrownBy(() -> EvidenceSnapshot.read(file)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is version 7");
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> EvidenceSnapshot.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");
        Files.writeString(file, json.replace("\"AccountSummary\"", "\"NoSuchEvidence\""));
        assertThatThrownBy(() -> EvidenceSnapshot.read(file).replay(ACCOUNT).accountSummary())
                .isInstanceOf(SnapshotException.class).hasMessageContaining("accountSummary");
        assertThatThrownBy(() -> EvidenceSnapshot.read(dir.resolve("missing.json"))).hasMessageContaining("does not exist");
        Files.writeString(file, json.replace("\"alsoRead\" : { }", "\"alsoRead\" : { \"management\" : { } }"));
        assertThatThrownBy(() -> EvidenceSnapshot.read(file)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("account \"management\" of \"alsoRead\" needs a 12-digit id and \"records\"");
    }
}
