package org.rootposture.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.lab.Lab;
import org.rootposture.lab.LabOptions;
import org.rootposture.lab.RateLimit;
import org.rootposture.lab.fixture.Fixture;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One measured run: a fresh lab serving the generated organization, configuration parameters pointing the run at it
 * (its endpoint and caller credentials, and the run's settings), one JUnit Platform launcher execution of a test class
 * (as Maven Surefire or an IDE would run it, with every auto-registered listener: the Allure writer, Root Posture's
 * progress), then the lab's call counts.
 */
final class LabMeasurement {

    private final Path allureResults;

    LabMeasurement(Path allureResults) {
        this.allureResults = allureResults;
    }

    /** Measures one run; {@code withResults} then reads its Allure results, before they are removed. */
    Measurement run(String mode, Class<?> testClass, int accounts, Duration latency, int concurrency, List<RateLimit> rateLimits,
                    Map<String, String> settings, Consumer<Path> withResults) {
        Fixture fixture = GeneratedOrganization.of(accounts);
        try (Lab lab = Lab.start(fixture, LabOptions.defaults().withLatency(latency).withRateLimits(rateLimits))) {
            Map<String, String> parameters = new HashMap<>(settings);
            parameters.put("rootposture.endpoint", lab.endpoint().toString());
            parameters.put("aws.accessKeyId", lab.callerCredentials().accessKeyId());
            parameters.put("aws.secretAccessKey", lab.callerCredentials().secretAccessKey());
            NaiveAws.use(lab.endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create(lab.callerCredentials().accessKeyId(),
                    lab.callerCredentials().secretAccessKey())));
            clean(allureResults);
            VerdictTally tally = new VerdictTally();
            try (HeapWatch heap = new HeapWatch(); CpuWatch cpu = new CpuWatch()) {
                long processCpu = CpuWatch.processCpuNanos();
                long start = System.nanoTime();
                launch(testClass, parameters, tally);
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                double cpuSeconds = (CpuWatch.processCpuNanos() - processCpu) / 1e9;
                Measurement measurement = new Measurement(mode, accounts, concurrency, latency, wall, byOperation(lab.calls()),
                        lab.totalThrottles(), tally.verdicts(), heap.peakAfterGc(), heap.peakUsed(), heap.peakThreads(), heap.collections(),
                        cpuSeconds, cpu.seconds());
                withResults.accept(allureResults);
                return measurement;
            } finally {
                NaiveAws.closeAll();
                clean(allureResults);
            }
        }
    }

    private static void launch(Class<?> testClass, Map<String, String> parameters, VerdictTally tally) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameters(parameters)
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, tally);
    }

    private static Map<String, Integer> byOperation(Map<String, Map<String, Integer>> calls) {
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.values().forEach(operations -> operations.forEach((operation, count) -> byOperation.merge(operation, count, Integer::sum)));
        return byOperation;
    }

    static void clean(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
