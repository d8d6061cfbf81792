package org.rootposture.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.AwsAccount;
import org.rootposture.LabRun;
import org.rootposture.RootPosture;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.root.RootMfaEnabled;
import org.rootposture.root.SecurityContactRegistered;

class ProgressListenerTest {

    private static List<String> run(LabRun lab, Class<?> testClass, Duration interval) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressListener listener = new ProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> clock.addAndGet(Duration.ofSeconds(1).toNanos()), interval);
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(testClass)).build(), listener);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void countsPostureChecksOnlyAndEndsWithASummary() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            int accounts = lab.lab().fixture().accounts().size();

            List<String> lines = run(lab, TwoControls.class, Duration.ZERO);

            assertThat(lines).hasSize(2 * accounts + 1);
            assertThat(lines.get(0)).matches("Root Posture: 1 posture checks so far · 1 accounts · \\d+ non-compliant · \\d+ unable to assess");
            assertThat(lines.get(accounts)).startsWith("Root Posture: " + (accounts + 1) + " of " + (2 * accounts) + " posture checks · "
                    + accounts + " accounts · ");
            assertThat(lines.get(2 * accounts - 1)).startsWith("Root Posture: " + (2 * accounts) + " of " + (2 * accounts) + " posture checks");
            assertThat(lines.get(2 * accounts)).matches("Root Posture: " + (2 * accounts) + " posture checks of " + accounts
                    + " accounts in .+: \\d+ compliant, \\d+ non-compliant, [1-9]\\d* unable to assess, \\d+ not applicable, \\d+ waived");
        }
    }

    @Test
    void aTotalWithoutAtLeastIsTheRunsOwnFromTheFirstControlOnEvenWithPerRegionControls() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            List<String> lines = run(lab, AccountAndRegionControls.class, Duration.ZERO);

            String summary = lines.get(lines.size() - 1);
            Matcher ran = Pattern.compile("Root Posture: (\\d+) posture checks of (\\d+) accounts in .*").matcher(summary);
            assertThat(ran.matches()).as(summary).isTrue();
            int total = Integer.parseInt(ran.group(1));
            assertThat(total).as("a per-region control checks some accounts in several regions")
                    .isGreaterThan(2 * Integer.parseInt(ran.group(2)));
            List<String> progress = lines.subList(0, lines.size() - 1);
            assertThat(progress).allSatisfy(line -> assertThat(line).matches(
                    "Root Posture: \\d+ (posture checks so far|of at least \\d+ posture checks|of " + total + " posture checks) · .*"));
            assertThat(progress).filteredOn(line -> line.contains(" of at least ")).allSatisfy(line -> assertThat(
                    Integer.parseInt(line.replaceAll(".* of at least (\\d+) posture checks.*", "$1"))).isLessThanOrEqualTo(total));
            assertThat(progress).filteredOn(line -> line.contains(" of at least ")).isNotEmpty();
            assertThat(progress).filteredOn(line -> line.contains(" of " + total + " posture checks")).hasSizeGreaterThan(total / 4);
        }
    }

    @Test
    void printsAtMostOncePerInterval() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            int accounts = lab.lab().fixture().accounts().size();

            List<String> lines = run(lab, TwoControls.class, Duration.ofSeconds(5));

            assertThat(lines).hasSizeBetween(2, 2 * accounts / 4 + 1);
            assertThat(lines.get(lines.size() - 1)).contains(2 * accounts + " posture checks of " + accounts + " accounts");
        }
    }

    @Test
    void aRunWithoutPostureTestsPrintsNothing() {
        try (LabRun lab = LabRun.demo(Map.of())) {
            assertThat(run(lab, PlainTests.class, Duration.ZERO)).isEmpty();
        }
    }

    @RootPosture
    static class TwoControls {

        @RootMfaEnabled
        void rootMfaEnabled(AwsAccount account) {
        }

        @SecurityContactRegistered
        void securityContact(AwsAccount account) {
        }

        @Test
        void notAPostureCheck() {
        }
    }

    @RootPosture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AccountAndRegionControls {

        @Order(1)
        @RootMfaEnabled
        void rootMfaEnabled(AwsAccount account) {
        }

        @Order(2)
        @ConfigRecordsAllRegions
        void configRecorders(AwsAccount account) {
        }

        @Order(3)
        @SecurityContactRegistered
        void securityContact(AwsAccount account) {
        }
    }

    static class PlainTests {

        @Test
        void one() {
        }
    }
}
