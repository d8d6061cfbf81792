package org.rootposture.internal.session;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS SDK clients of one account: built on first use, once each, with the account's credentials, the run's
 * region, endpoint and retry policy, and closed together at the end of the run.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final ClientPolicy policy;
    private final AutoCloseable credentialsResource;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AwsClients> regions = new ConcurrentHashMap<>();
    private final AccountBudget budget;

    /**
     * How every client of a run is configured.
     *
     * @param region      region for API calls
     * @param endpoint    one endpoint for every service, if any
     * @param retryMode   SDK retry mode
     * @param maxAttempts attempts per call including retries
     * @param callTimeout bound on one call including retries
     * @param http        the HTTP client (connection pool) all clients of the run share
     * @param timers      the threads timing out calls, shared by all clients of the run
     */
    record ClientPolicy(Region region, Optional<URI> endpoint, RetryMode retryMode, int maxAttempts, Duration callTimeout,
                        SdkHttpClient http, ScheduledExecutorService timers) {

        ClientPolicy inRegion(String other) {
            return new ClientPolicy(Region.of(other), endpoint, retryMode, maxAttempts, callTimeout, http, timers);
        }

        <B extends AwsClientBuilder<B, ?>> B configure(B builder, AccountBudget budget) {
            ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.forRetryMode(retryMode).toBuilder().maxAttempts(maxAttempts).build())
                    .apiCallTimeout(callTimeout)
                    .scheduledExecutorService(timers)
                    .addExecutionInterceptor(new ReadOnlyGuard())
                    .addExecutionInterceptor(new EmptyAnswerGuard());
            if (budget != null) {
                configuration.addExecutionInterceptor(budget);
            }
            ((AwsSyncClientBuilder<?, ?>) builder).httpClient(http);
            builder.region(region).overrideConfiguration(configuration.build());
            endpoint.ifPresent(builder::endpointOverride);
            return builder;
        }
    }

    AwsClients(AwsCredentialsProvider credentials, AutoCloseable credentialsResource, ClientPolicy policy) {
        this(credentials, credentialsResource, policy, null);
    }

    /** Clients whose calls, in every region, share one account's time budget (none when null). */
    AwsClients(AwsCredentialsProvider credentials, AutoCloseable credentialsResource, ClientPolicy policy, AccountBudget budget) {
        this.credentials = credentials;
        this.credentialsResource = credentialsResource;
        this.policy = policy;
        this.budget = budget;
    }

    /**
     * The client of the given type for this account, e.g. {@code client(IamClient.class)}.
     *
     * @throws IllegalArgumentException if the type is not an AWS SDK v2 synchronous service client interface
     */
    public <C extends SdkClient> C client(Class<C> type) {
        return type.cast(clients.computeIfAbsent(type, this::build));
    }

    /** The same account's clients in another region (same credentials), built once. */
    public AwsClients inRegion(String region) {
        if (region.equals(policy.region().id())) {
            return this;
        }
        return regions.computeIfAbsent(region, other -> new AwsClients(credentials, null, policy.inRegion(other), budget));
    }

    private SdkClient build(Class<?> type) {
        try {
            AwsClientBuilder<?, ?> builder = (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
            return (SdkClient) configureUnchecked(builder).credentialsProvider(credentials).build();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(type.getName() + " is not an AWS SDK v2 service client interface such as IamClient", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AwsClientBuilder configureUnchecked(AwsClientBuilder builder) {
        return policy.configure(builder, budget);
    }

    @Override
    public void close() {
        regions.values().forEach(AwsClients::close);
        clients.values().forEach(AwsClients::closeQuietly);
        clients.clear();
        if (credentialsResource != null) {
            closeQuietly(credentialsResource);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing at the end of a run: nothing left to report to
        }
    }
}
