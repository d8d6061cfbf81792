package org.rootposture.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.service.LabState;

/**
 * An AWS-compatible HTTP endpoint on 127.0.0.1 that serves AWS API calls from a {@link Fixture}, so that real AWS SDK
 * clients built with {@code endpointOverride(lab.endpoint())} and the lab's credentials run unchanged against it. It
 * tells accounts apart by the access key id in each request's SigV4 credential scope (signatures are not checked) and
 * counts every request per account and operation.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start(DemoOrganization.fixture())) {
 *     IamClient iam = IamClient.builder().endpointOverride(lab.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *                     lab.callerCredentials().accessKeyId(), lab.callerCredentials().secretAccessKey())))
 *             .build();
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

    private static final int THREADS = 32;

    private final LabState state;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private Lab(LabState state, HttpServer server, ExecutorService executor) {
        this.state = state;
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a lab serving the fixture on a free port of 127.0.0.1. */
    public static Lab start(Fixture fixture) {
        return start(fixture, LabOptions.defaults());
    }

    /** Starts a lab serving the fixture on a free port of 127.0.0.1, with the given options. */
    public static Lab start(Fixture fixture, LabOptions options) {
        LabState state = new LabState(fixture, Clock.systemUTC());
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", new LabHttpHandler(state, ServiceRegistry.standard(), options.latency(),
                    new RateLimiter(options.rateLimits(), System::nanoTime)));
            server.setExecutor(executor);
            server.start();
            return new Lab(state, server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot start the Root Posture lab", e);
        }
    }

    /** The lab's URL, {@code http://127.0.0.1:PORT}, for {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The fixture the lab serves. */
    public Fixture fixture() {
        return state.fixture();
    }

    /** The instant the lab started; relative time values of the fixture count back from it. */
    public Instant startedAt() {
        return state.start();
    }

    /** Credentials of the organization's management account, or of the first account when there is no organization. */
    public LabCredentials callerCredentials() {
        return LabCredentials.longTerm(state.fixture().callerAccount().id());
    }

    /**
     * Long-term credentials of one of the fixture's accounts.
     *
     * @throws IllegalArgumentException if the fixture has no such account
     */
    public LabCredentials credentialsFor(String accountId) {
        if (state.account(accountId).isEmpty()) {
            throw new IllegalArgumentException("The lab's fixture has no account " + accountId);
        }
        return LabCredentials.longTerm(accountId);
    }

    /** Requests so far, faulted ones included: account id to {@code service:Operation} to count. A snapshot. */
    public Map<String, Map<String, Integer>> calls() {
        return state.calls().snapshot();
    }

    /** All requests so far that the lab could attribute to an account. */
    public int totalCalls() {
        return state.calls().total();
    }

    /** Forgets the requests counted so far, throttled ones too. */
    public void resetCalls() {
        state.calls().reset();
        state.throttles().reset();
    }

    /**
     * Requests answered with a throttling error because of {@link LabOptions#rateLimits()}, a subset of
     * {@link #calls()}: account id to {@code service:Operation} to count. A snapshot.
     */
    public Map<String, Map<String, Integer>> throttles() {
        return state.throttles().snapshot();
    }

    /** All requests so far that a rate limit throttled. */
    public int totalThrottles() {
        return state.throttles().total();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Root Posture lab at " + endpoint;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "root-posture-lab-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
