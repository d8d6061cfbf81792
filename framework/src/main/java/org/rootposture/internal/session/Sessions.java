package org.rootposture.internal.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.rootposture.contract.LocalLab;
import org.rootposture.settings.Settings;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The sessions of a run: the caller's own credentials (the SDK's default chain, those a launcher handed over, or the
 * local lab's; with {@code rootposture.role-arn} assumed) and, per member account, a role assumed with the run's
 * external id and session name. One {@link AwsClients} per account, built once, all closed together. Every client of
 * the run shares one connection pool and one pair of call-timeout threads, so a thousand accounts cost a thousand
 * credential sets, not a thousand pools. A run with {@code rootposture.lab} starts that lab here, points every client
 * at it, and closes it last.
 */
public final class Sessions implements AutoCloseable {

    private static final int ROOT_SESSION_SECONDS = 900;
    private static final int CONNECTIONS_PER_READER = 4;
    private static final int TIMER_THREADS = 2;

    private final Settings settings;
    private final AwsClients.ClientPolicy policy;
    private final AwsClients base;
    private final AwsClients caller;
    private final Map<String, AwsClients> accounts = new ConcurrentHashMap<>();
    private final SdkHttpClient http;
    private final ScheduledExecutorService timers;
    private final Optional<LocalLab.Running> lab;

    public Sessions(Settings settings) {
        this.settings = settings;
        this.lab = settings.lab().map(name -> LocalLab.named(name)
                .orElseThrow(() -> new IllegalStateException("the local lab '" + name + "' is not on the class path"))
                .start());
        this.http = ApacheHttpClient.builder().maxConnections(Math.max(50, CONNECTIONS_PER_READER * settings.concurrency())).build();
        this.timers = Executors.newScheduledThreadPool(TIMER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "rootposture-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.policy = new AwsClients.ClientPolicy(Region.of(settings.region()), lab.map(LocalLab.Running::endpoint).or(settings::endpoint),
                retryMode(settings), settings.maxAttempts(), settings.callTimeout(), http, timers);
        this.base = callerCredentials();
        this.caller = settings.roleArn().map(arn -> assumed(base, arn)).orElse(base);
    }

    /** The clients of the caller: the account the run's credentials (or {@code rootposture.role-arn}) belong to. */
    public AwsClients caller() {
        return caller;
    }

    /** The clients of an account: the caller's own where no role is given, otherwise the role assumed from the caller. */
    public AwsClients account(String accountId, Optional<String> roleArn) {
        return roleArn.map(arn -> accounts.computeIfAbsent(accountId, id -> assumed(caller, arn))).orElse(caller);
    }

    /**
     * Opens an {@code sts:AssumeRoot} session into a member account with the {@code IAMAuditRootUserCredentials} task
     * policy: read-only sight of that account's root user, for at most 15 minutes. The caller closes it.
     */
    public AwsClients rootSession(String accountId, String partition) {
        Credentials credentials = caller.client(StsClient.class).assumeRoot(request -> request
                        .targetPrincipal(accountId)
                        .taskPolicyArn(policy -> policy.arn("arn:" + partition + ":iam::aws:policy/root-task/IAMAuditRootUserCredentials"))
                        .durationSeconds(ROOT_SESSION_SECONDS))
                .credentials();
        return new AwsClients(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())), null, policy);
    }

    /** The lab's caller, the credentials a launcher handed over, or the SDK's default chain. */
    private AwsClients callerCredentials() {
        Optional<AwsCredentials> given = lab.<AwsCredentials>map(running -> AwsBasicCredentials.create(running.accessKeyId(), running.secretAccessKey()))
                .or(settings::credentials);
        if (given.isPresent()) {
            return new AwsClients(StaticCredentialsProvider.create(given.get()), null, policy, budget());
        }
        CallerCredentials chain = new CallerCredentials();
        return new AwsClients(chain, chain, policy, budget());
    }

    private AwsClients assumed(AwsClients from, String roleArn) {
        AssumedRole role = AssumedRole.of(from.client(StsClient.class), roleArn, settings.sessionName(), settings.externalId());
        return new AwsClients(role, role, policy, budget());
    }

    /** A fresh time budget for one account's clients, if the run bounds it ({@code rootposture.account-budget}). */
    private AccountBudget budget() {
        return settings.accountBudget().map(AccountBudget::new).orElse(null);
    }

    private static RetryMode retryMode(Settings settings) {
        return switch (settings.retryMode()) {
            case STANDARD -> RetryMode.STANDARD;
            case ADAPTIVE -> RetryMode.ADAPTIVE_V2;
            case LEGACY -> RetryMode.LEGACY;
        };
    }

    @Override
    public void close() {
        accounts.values().forEach(AwsClients::close);
        if (caller != base) {
            caller.close();
        }
        base.close();
        timers.shutdownNow();
        http.close();
        lab.ifPresent(LocalLab.Running::close);
    }
}
