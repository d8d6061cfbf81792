package org.rootposture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.directory.OrganizationDirectory;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.EvidenceSnapshot;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.report.AllureReport;
import org.rootposture.internal.report.RunFacts;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Sessions;
import org.rootposture.internal.targets.Target;
import org.rootposture.internal.targets.TargetResolver;
import org.rootposture.internal.targets.Targets;
import org.rootposture.internal.waivers.Waivers;
import org.rootposture.settings.Settings;

import software.amazon.awssdk.services.organizations.model.Parent;

/**
 * One posture run: settings read once, targets resolved once, one {@link AwsAccount} per target with its sessions
 * and cached evidence. When a test class's first built-in control is about to run, the evidence of that control and
 * then of the class's other built-in controls is read for every account in the background,
 * {@code rootposture.concurrency} reads at a time, so the tests (which JUnit runs one after the other) find it ready. Lives in the JUnit root store and is closed, with every SDK client, at the end of the run.
 */
final class Run implements AutoCloseable {

    private final Settings settings;
    private final Sessions sessions;
    private final OrganizationDirectory directory;
    private final LiveOrganization organization;
    private final Targets targets;
    private final Clock clock;
    private final ExecutorService readers;
    private final Map<String, AwsAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, AccountEvidence> otherAccounts = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> places = new ConcurrentHashMap<>();
    private final Set<String> prefetched = ConcurrentHashMap.newKeySet();
    private final Waivers waivers;
    private final VerdictRecorder recorder;
    private final Instant started;
    private final Optional<EvidenceSnapshot> replay;
    private final Optional<EvidenceSnapshot> recording;

    Run(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
        this.waivers = Waivers.load(settings.waivers(), clock);
        this.recorder = new VerdictRecorder(waivers, AllureReport::evidence);
        this.replay = settings.replay().map(EvidenceSnapshot::read);
        this.recording = settings.record().map(file -> EvidenceSnapshot.recording(file, started, settings.region()));
        this.sessions = new Sessions(settings);
        this.directory = new OrganizationDirectory(sessions.caller());
        this.organization = new LiveOrganization(directory, sessions.caller(), clock);
        try {
            this.targets = replay.isPresent() ? replay.get().targets()
                    : new TargetResolver(settings, sessions.caller(), directory).resolve();
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
        recording.ifPresent(snapshot -> snapshot.recordTargets(targets));
        this.readers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "rootposture-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    List<AwsAccount> accounts() {
        return targets.accounts().stream().map(this::account).toList();
    }

    List<Targets.Skipped> skipped() {
        return targets.skipped();
    }

    /**
     * The account's place in the organization, {@code Root › Production › Payments}, when the run checks the
     * organization's accounts (its tree is read once for the whole run); empty otherwise or where it cannot be read.
     */
    Optional<String> place(String accountId) {
        if (replay.isPresent() || !(settings.targets() instanceof Settings.TargetSpec.Organization)) {
            return Optional.empty();
        }
        return places.computeIfAbsent(accountId, id -> {
            try {
                List<Parent> path = new ArrayList<>(directory.ancestors(id));
                Collections.reverse(path);
                return Optional.of(path.stream().map(directory::name).collect(Collectors.joining(" › ")));
            } catch (RuntimeException notReadable) {
                return Optional.empty();
            }
        });
    }

    /** Where every verdict of this run passes on its way into the report. */
    VerdictRecorder recorder() {
        return recorder;
    }

    /** Starts reading the control's evidence for every account (and region) in the background, once per control per run. */
    void prefetch(BuiltInControl control) {
        if (prefetched.add(control.definition().id())) {
            accounts().forEach(account -> readers.execute(() -> {
                if (control.perRegion()) {
                    regions(account).forEach(region -> control.evaluate(account.evidence(), account.context().withRegion(region)));
                } else {
                    control.evaluate(account.evidence(), account.context());
                }
            }));
        }
    }

    /** The account's regions for per-region controls; empty where they cannot be read (the control then says why). */
    List<String> regions(AwsAccount account) {
        try {
            return account.evidence().enabledRegions().regions();
        } catch (EvidenceUnavailableException e) {
            return List.of();
        }
    }

    private AwsAccount account(Target target) {
        return accounts.computeIfAbsent(target.accountId(), id -> new AwsAccount(
                target,
                settings.region(),
                sessions.account(id, target.roleArn()),
                evidence(target),
                new EvaluationContext(started, settings.usageWindow()).withAwait(settings.await())
                        .withRootEmailDomains(settings.rootEmailDomains()).withRootAccessRevokedOn(settings.rootAccessRevokedOn()),
                replay.map(snapshot -> Clock.fixed(snapshot.recordedAt(), clock.getZone())).orElse(clock)));
    }

    /** Live evidence, recorded into the snapshot with {@code rootposture.record}, or the snapshot's with {@code rootposture.replay}. */
    private AccountEvidence evidence(Target target) {
        AccountIdentity identity = new AccountIdentity(target.accountId(), targets.partition());
        if (replay.isPresent()) {
            return replay.get().replay(identity);
        }
        AccountEvidence live = new LiveAccountEvidence(identity, sessions.account(target.accountId(), target.roleArn()),
                organization, member -> sessions.rootSession(member, targets.partition()), this::evidenceOf,
                new EvidenceOptions(settings.credentialReportTimeout(), settings.regions(), settings.evidenceNotBefore(), settings.rootSessions()),
                clock);
        return recording.map(snapshot -> snapshot.record(live)).orElse(live);
    }

    /**
     * The evidence of any account the run's evidence leads to (the owner of an organization trail's log group, the
     * management account): a target's own, or read once through the caller's credentials (the caller's account) or
     * {@code rootposture.role}.
     */
    private AccountEvidence evidenceOf(String accountId) {
        return targets.accounts().stream()
                .filter(target -> target.accountId().equals(accountId))
                .findFirst()
                .map(target -> account(target).evidence())
                .orElseGet(() -> otherAccounts.computeIfAbsent(accountId, id -> evidence(new Target(id, Optional.empty(),
                        id.equals(targets.callerAccountId()) ? Optional.empty()
                                : Optional.of("arn:" + targets.partition() + ":iam::" + id + ":role/" + settings.roleName())))));
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            recording.ifPresent(EvidenceSnapshot::write);
            facts().write();
        } finally {
            sessions.close();
        }
    }

    /** What the report's Environment says about this run. */
    private RunFacts facts() {
        Optional<OrganizationInfo> info = organizationInfo();
        return RunFacts.of(targets.accounts().size(), targets.partition(), targets.callerAccountId(), started, clock.instant())
                .withAccountsSkipped(targets.skipped().size())
                .withEvidenceRecorded(replay.map(EvidenceSnapshot::recordedAt))
                .withOrganization(info.map(OrganizationInfo::organizationId), info.map(OrganizationInfo::managementAccountId))
                .withRegions(Stream.concat(Stream.of(settings.region()), settings.regions().stream()).distinct().toList())
                .withWaivers(waivers);
    }

    private Optional<OrganizationInfo> organizationInfo() {
        if (replay.isPresent()) {
            return replay.get().organization();
        }
        try {
            return Optional.of(organization.info());
        } catch (RuntimeException notInAnOrganization) {
            return Optional.empty();
        }
    }
}
