package org.rootposture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Verdict;
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
 * and cached evidence. When a test class's first built-in control is about to run, that control and then the class's
 * other built-in controls are judged for every account on the run's readers, {@code rootposture.concurrency} at a
 * time: the evidence read, the verdict decided and its evidence prepared for the report, so that the tests (which
 * JUnit runs one after the other) only report what was judged. Lives in the JUnit root store and is closed, with every
 * SDK client, at the end of the run.
 */
final class Run implements AutoCloseable {

    private static final int LEADING_ACCOUNTS = 3;

    /** A built-in control on one account, judged for each of its regions. */
    private record Judgement(ControlUse control, String accountId) {
    }

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
    private final Set<ControlUse> judging = ConcurrentHashMap.newKeySet();
    private final Map<Judgement, CompletableFuture<Map<Optional<String>, Verdict>>> judged = new ConcurrentHashMap<>();
    private final Waivers waivers;
    private final AllureReport report = new AllureReport();
    private final VerdictRecorder recorder;
    private final Instant started;
    private final Optional<EvidenceSnapshot> replay;
    private final Optional<EvidenceSnapshot> recording;

    Run(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
        this.waivers = Waivers.load(settings.waivers(), clock);
        this.recorder = new VerdictRecorder(waivers, report::evidence);
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

    /** Where this run's results are written: the running Allure result, with what many results share written once. */
    AllureReport report() {
        return report;
    }

    /**
     * Starts judging the built-in controls among {@code controls} for every account (and region), once per control per
     * run, on the readers: {@code rootposture.concurrency} at a time, in the order given, except that the first
     * {@value #LEADING_ACCOUNTS} accounts of every control come first, so the reads that all accounts share (the
     * organization's tree and SCPs, the management account's trail and history) start at once instead of holding up
     * every reader when their control comes.
     */
    void judge(List<ControlUse> controls) {
        List<ControlUse> fresh = controls.stream().filter(control -> control.builtIn().isPresent()).filter(judging::add).toList();
        List<AwsAccount> accounts = accounts();
        int leading = Math.min(LEADING_ACCOUNTS, accounts.size());
        fresh.forEach(control -> accounts.subList(0, leading).forEach(account -> judgeAhead(control, account)));
        fresh.forEach(control -> accounts.subList(leading, accounts.size()).forEach(account -> judgeAhead(control, account)));
    }

    /** The built-in control's verdict on the account (and region): the one judged ahead, or, where there is none, judged now. */
    Verdict verdict(ControlUse control, AwsAccount account, Optional<String> region) {
        Judgement judgement = new Judgement(control, account.id());
        CompletableFuture<Map<Optional<String>, Verdict>> ahead = judged.get(judgement);
        if (ahead != null) {
            try {
                Map<Optional<String>, Verdict> verdicts = ahead.join();
                Verdict verdict = verdicts.remove(region);
                if (verdicts.isEmpty()) {
                    judged.remove(judgement, ahead);
                }
                if (verdict != null) {
                    return verdict;
                }
            } catch (CompletionException | CancellationException notJudged) {
                judged.remove(judgement, ahead);
            }
        }
        return control.judge(account, region);
    }

    private void judgeAhead(ControlUse control, AwsAccount account) {
        judged.put(new Judgement(control, account.id()), CompletableFuture.supplyAsync(() -> {
            Map<Optional<String>, Verdict> verdicts = new ConcurrentHashMap<>();
            for (Optional<String> region : regions(control, account)) {
                Verdict verdict = control.judge(account, region);
                report.prepare(verdict);
                verdicts.put(region, verdict);
            }
            return verdicts;
        }, readers));
    }

    /**
     * Where a control is judged on an account: once, or for a per-region control once in each of the account's regions
     * (once without a region where they cannot be read or are none, so that the control says why).
     */
    List<Optional<String>> regions(ControlUse control, AwsAccount account) {
        List<String> regions = control.perRegion() ? regions(account) : List.of();
        return regions.isEmpty() ? List.of(Optional.empty()) : regions.stream().map(Optional::of).toList();
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
