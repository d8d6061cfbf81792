package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.rootposture.ShownAs.shownAs;
import static org.rootposture.assertions.RootPostureAssertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootMfaEnabled;
import org.rootposture.root.RootMfaIsHardware;
import org.rootposture.root.RootNotUsedRecently;
import org.rootposture.root.RootPasswordRotated;
import org.rootposture.root.SecurityContactRegistered;

/** Whole posture runs, in-process, through the extension, the real SDK and the local lab's demo organization. */
class PostureRunTest {

    private static Events run(LabRun lab, Class<?> postureClass) {
        return lab.engine().selectors(selectClass(postureClass)).execute().testEvents();
    }

    @Test
    void everyDemoAccountGetsItsVerdict() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            Events events = run(lab, DemoControls.class);
            events.assertStatistics(stats -> stats.started(lab.lab().fixture().accounts().size() * 3));
            events.assertThatEvents()
                    .haveExactly(1, event(test("rootMfaIsHardware"), shownAs("222222222222 · prod-payments"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("virtual device")))))
                    .haveExactly(1, event(test("rootMfaIsHardware"), shownAs("777777777777 · security-tooling"), finishedSuccessfully()))
                    .haveExactly(1, event(test("rootMfaEnabled"), shownAs("666666666666 · workloads-shared"),
                            abortedWithReason(instanceOf(TestAbortedException.class), message(m -> m.startsWith("Not applicable: ")))))
                    .haveExactly(1, event(test("securityContact"), shownAs("888888888888 · audit-restricted"),
                            finishedWithFailure(instanceOf(UnableToAssessException.class),
                                    message(m -> m.contains("account:GetAlternateContact") && m.contains("AccessDenied")))))
                    .haveExactly(1, event(test("securityContact"), shownAs("333333333333 · dev-sandbox"),
                            finishedWithFailure(instanceOf(AssertionError.class))))
                    .haveExactly(3, event(shownAs("121212121212 · closed-experiment"),
                            abortedWithReason(message(m -> m.startsWith("Not applicable: The account is not active in the organization")
                                    && m.contains("The account is SUSPENDED in the organization")))))
                    .haveExactly(3, event(shownAs("131313131313 · vendor-sandbox"),
                            finishedWithFailure(instanceOf(UnableToAssessException.class), message(m -> m.contains("sts:AssumeRole")))));
        }
    }

    @Test
    void evidenceIsReadOncePerAccountHoweverManyTestsUseIt() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            run(lab, SharedEvidence.class);
            Map<String, Integer> calls = lab.lab().calls().get("555555555555");
            assertThat(calls).containsEntry("iam:GetAccountSummary", 1).containsEntry("iam:GetCredentialReport", 1);
        }
    }

    @Test
    void aBodyRunsOnlyAfterItsControlPassesAndAssertionsShareTheDecision() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "555555555555,111111111111"))) {
            Events events = run(lab, CustomChecks.class);
            events.assertThatEvents()
                    .haveExactly(1, event(test("breakGlass"), shownAs("555555555555"),
                            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("within the 30-day window")))))
                    .haveExactly(1, event(test("breakGlass"), shownAs("111111111111"), finishedSuccessfully()))
                    .haveExactly(1, event(test("bodyAfterControl"), shownAs("111111111111"),
                            finishedWithFailure(message("body ran"))));
        }
    }

    @Test
    void aWrongSettingStopsEveryTestBeforeAnyAwsCall() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.usage-window-days", "forever"))) {
            Events events = run(lab, DemoControls.class);
            events.assertThatEvents().isEmpty();
            assertThat(lab.lab().totalCalls()).isZero();
            lab.engine().selectors(selectClass(DemoControls.class)).execute().containerEvents()
                    .assertThatEvents().haveAtLeastOne(event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                            message(m -> m.contains("rootposture.usage-window-days") && m.contains("'forever'")))));
        }
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedIsUnableToAssessAndTheOthersGoOn() {
        Map<String, Integer> summary = Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0, "AccountSigningCertificatesPresent", 0);
        Fixture fixture = Fixture.builder()
                .organization("o-test000001", "111111111111")
                .account("111111111111", account -> account.name("management").email("m@example.com").accountSummary(summary))
                .account("222222222222", account -> account.name("locked").email("l@example.com").notAssumable().accountSummary(summary))
                .build();
        try (LabRun lab = LabRun.of(fixture, Map.of("rootposture.targets", "organization"))) {
            run(lab, DemoControls.class).assertThatEvents()
                    .haveExactly(3, event(shownAs("222222222222 · locked"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.contains("sts:AssumeRole") && m.contains("AccessDenied")))))
                    .haveExactly(1, event(test("rootMfaIsHardware"), shownAs("111111111111 · management"), finishedSuccessfully()));
        }
    }

    @Test
    void anAccountParameterOutsideForEachAccountIsNamed() {
        try (LabRun lab = LabRun.demo(Map.of())) {
            run(lab, Mistakes.class).assertThatEvents()
                    .haveExactly(1, event(test("accountOutsideForEachAccount"), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                            message(m -> m.contains("only a @ForEachAccount method")))));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TwoControls|twoControls|carries more than one control annotation",
        "ControlThatNeverRuns|neverRuns|@Control on [void org.rootposture.PostureRunTest$ControlThatNeverRuns.neverRuns(org.rootposture.AwsAccount)] never runs: add @ForEachAccount",
        "UnknownControl|unknown|names control 'root.no-such-control', which is not in the built-in catalogue",
        "BadRevocationDay|badDay|@RootPasswordRotated(revokedOn = \"2026-13-01\") on [void org.rootposture.PostureRunTest$BadRevocationDay.badDay(org.rootposture.AwsAccount)]: expected a day that has begun, written ISO-8601 such as 2026-10-01"})
    void aMisusedPostureClassFailsBeforeAnyAwsCallNamingTheMethod(String postureClass, String method, String sentence) throws Exception {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            lab.engine().selectors(selectClass(Class.forName(PostureRunTest.class.getName() + "$" + postureClass)))
                    .execute().containerEvents().assertThatEvents()
                    .haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                            message(m -> m.startsWith("Root Posture configuration: ") && m.contains(method) && m.contains(sentence)))));
            assertThat(lab.lab().totalCalls()).isZero();
        }
    }

    @Test
    void aTeamCheckEvaluatesEveryAssertionAndAFailOutranksAnUnableToAssess() {
        Fixture fixture = Fixture.builder()
                .organization("o-test000001", "111111111111")
                .account("111111111111", account -> account.name("management").email("m@example.com")
                        .accountSummary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 1, "AccountSigningCertificatesPresent", 0))
                        .fault(Fault.error("account:GetAlternateContact", "AccessDeniedException").message("denied")))
                .build();
        try (LabRun lab = LabRun.of(fixture, Map.of("rootposture.targets", "111111111111"))) {
            run(lab, Composed.class).assertThatEvents()
                    .haveExactly(1, event(test("contactThenKeys"), finishedWithFailure(instanceOf(AssertionError.class),
                            message(m -> m.startsWith("The root user has access keys")
                                    && m.contains("root.access-keys.absent non-compliant: ")
                                    && m.contains("root.contacts.security unable to assess: account:GetAlternateContact failed with AccessDeniedException")))))
                    .haveExactly(1, event(test("contactOnly"), finishedWithFailure(instanceOf(UnableToAssessException.class),
                            message(m -> m.startsWith("Unable to assess: account:GetAlternateContact failed with AccessDeniedException")))));
        }
    }

    @RootPosture
    static class BadRevocationDay {

        @RootPasswordRotated(revokedOn = "2026-13-01")
        void badDay(AwsAccount account) {
        }
    }

    @RootPosture
    static class DemoControls {

        @RootMfaEnabled
        void rootMfaEnabled(AwsAccount account) {
        }

        @RootMfaIsHardware
        void rootMfaIsHardware(AwsAccount account) {
        }

        @SecurityContactRegistered
        void securityContact(AwsAccount account) {
        }
    }

    @RootPosture
    static class SharedEvidence {

        @RootHasNoAccessKeys
        void keys(AwsAccount account) {
        }

        @RootMfaEnabled
        void mfa(AwsAccount account) {
        }

        @RootNotUsedRecently
        void usage(AwsAccount account) {
        }

        @ForEachAccount
        void custom(AwsAccount account) {
            assertThat(account.root()).hasNoAccessKeys().notUsedWithin(Duration.ofDays(10));
        }
    }

    @RootPosture
    static class CustomChecks {

        @ForEachAccount
        @Control(id = "acme.break-glass", title = "Root only in break-glass windows")
        void breakGlass(AwsAccount account) {
            assertThat(account.root()).hasNoAccessKeys().notUsedWithin(Duration.ofDays(30));
        }

        @RootHasNoAccessKeys
        void bodyAfterControl(AwsAccount account) {
            if (account.id().equals("111111111111")) {
                throw new AssertionError("body ran");
            }
        }
    }

    @RootPosture
    static class Mistakes {

        @org.junit.jupiter.api.Test
        void accountOutsideForEachAccount(AwsAccount account) {
        }
    }

    @RootPosture
    static class TwoControls {

        @RootMfaEnabled
        @RootMfaIsHardware
        void twoControls(AwsAccount account) {
        }
    }

    @RootPosture
    static class ControlThatNeverRuns {

        @RootMfaEnabled
        void rootMfaEnabled(AwsAccount account) {
        }

        @Control(id = "acme.never", title = "Never runs")
        void neverRuns(AwsAccount account) {
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ForEachAccount
    @Evaluates("root.no-such-control")
    @interface NoSuchControl {
    }

    @RootPosture
    static class UnknownControl {

        @NoSuchControl
        void unknown(AwsAccount account) {
        }
    }

    @RootPosture
    static class Composed {

        @ForEachAccount
        @Control(id = "acme.contact-then-keys", title = "Contact registered and no root keys")
        void contactThenKeys(AwsAccount account) {
            assertThat(account).hasSecurityContact();
            assertThat(account.root()).hasNoAccessKeys();
        }

        @ForEachAccount
        @Control(id = "acme.contact", title = "Contact registered")
        void contactOnly(AwsAccount account) {
            assertThat(account).hasSecurityContact();
        }
    }
}
