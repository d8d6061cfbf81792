package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.organization.ScpDeniesRoot;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootMfaIsHardware;

/**
 * What a team's own check body may assume about threads ({@link RootPosture}, README "Threads"): the built-in controls
 * are judged on the run's readers, while every body, a {@link Control}'s or one under a built-in control annotation,
 * runs on the thread JUnit runs the test on, one invocation after the other, its {@code @BeforeEach} with it. Code that
 * is not thread-safe stays correct, with JUnit's parallel execution turned on too, as long as the team does not make
 * its methods concurrent.
 */
class CheckThreadsTest {

    @Test
    void everyBodyRunsOnJUnitsThreadOneInvocationAfterTheOther() {
        EngineExecutionResults results = run(Map.of());

        assertThat(results.testEvents().succeeded().count()).isPositive();
        assertThat(NotThreadSafe.overlaps.get()).as("bodies that ran at the same time").isZero();
        assertThat(NotThreadSafe.threads).as("the threads the bodies ran on").containsOnly(Thread.currentThread().getName());
        assertThat(NotThreadSafe.bodies).as("one per account of the team's check, and one per passing built-in check").isGreaterThan(5);
    }

    @Test
    void withJUnitsParallelExecutionOnBodiesStillRunOneAfterTheOtherUnlessMadeConcurrent() {
        run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

        assertThat(NotThreadSafe.overlaps.get()).as("bodies that ran at the same time").isZero();
        assertThat(new HashSet<>(NotThreadSafe.threads)).as("the threads the bodies ran on").hasSize(1);
    }

    private static EngineExecutionResults run(Map<String, String> junit) {
        NotThreadSafe.reset();
        Map<String, String> settings = new HashMap<>(junit);
        settings.put("rootposture.targets", "organization");
        settings.put("rootposture.concurrency", "8");
        try (LabRun lab = LabRun.demo(settings)) {
            return lab.engine().selectors(selectClass(NotThreadSafe.class)).execute();
        }
    }

    /** A team's posture class whose own code keeps state in plain, unsynchronized fields. */
    @RootPosture
    static class NotThreadSafe {

        static List<String> threads = new ArrayList<>();
        static int bodies;
        static AtomicInteger running = new AtomicInteger();
        static AtomicInteger overlaps = new AtomicInteger();

        private String thread;

        static void reset() {
            threads = new ArrayList<>();
            bodies = 0;
            running = new AtomicInteger();
            overlaps = new AtomicInteger();
        }

        @BeforeEach
        void rememberTheThread() {
            thread = Thread.currentThread().getName();
        }

        @RootMfaIsHardware
        void rootMfaIsHardware(AwsAccount account) {
            body();
        }

        @RootHasNoAccessKeys
        void rootHasNoAccessKeys(AwsAccount account) {
            body();
        }

        @ScpDeniesRoot
        void scpDeniesRoot(AwsAccount account) {
        }

        @ConfigRecordsAllRegions
        void configRecordsAllRegions(AwsAccount account) {
        }

        @ForEachAccount
        @Control(id = "acme.root.keys", title = "No root keys")
        void noRootKeys(AwsAccount account) {
            body();
            assertThat(account.root()).hasNoAccessKeys();
        }

        private void body() {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (!thread.equals(Thread.currentThread().getName())) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            bodies++;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }
    }
}
