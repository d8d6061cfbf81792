package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.internal.controls.StubEvidence.NOW;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.internal.report.EvidenceJson;

/** The decision of {@code guardduty.root-findings.alerted}, from evidence built in memory. */
class RootFindingAlertsTest {

    private static final String REGION = "eu-west-1";
    private static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
    private static final String ADMINISTRATOR = "777777777777";
    private static final EvaluationContext CONTEXT = new EvaluationContext(NOW, Duration.ofDays(90)).withRegion(REGION);
    private static final String ALL_FINDINGS = "{\"source\": [\"aws.guardduty\"], \"detail-type\": [\"GuardDuty Finding\"]}";
    private static final String HIGH = "{\"source\": [\"aws.guardduty\"], \"detail\": {\"severity\": [{\"numeric\": [\">=\", 4]}]}}";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:security-alerts";

    private static RootFindingRules.Rule rule(String name, String pattern, Boolean matches, String state, String... targets) {
        return new RootFindingRules.Rule(name, "arn:aws:events:eu-west-1:123456789012:rule/" + name, state, pattern, matches, List.of(targets));
    }

    private static StubEvidence enabled() {
        StubEvidence evidence = StubEvidence.account();
        evidence.monitoring().detectors(REGION, new GuardDutyDetectors.Detector(DETECTOR, "ENABLED"));
        return evidence;
    }

    private static Verdict evaluate(StubEvidence evidence) {
        return MonitoringControls.ROOT_FINDINGS_ALERTED.evaluate(evidence, CONTEXT);
    }

    @Test
    void isJudgedPerRegionAndNotApplicableWithoutARootUser() {
        assertThat(MonitoringControls.ROOT_FINDINGS_ALERTED.perRegion()).isTrue();
        assertThat(MonitoringControls.ROOT_FINDINGS_ALERTED.evaluate(enabled(), new EvaluationContext(NOW, Duration.ofDays(90))).outcome())
                .isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(evaluate(enabled().partition("aws-us-gov")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void anOwnEnabledMatchingRuleWithATargetPasses() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION, rule("high", HIGH, false, "ENABLED"), rule("hourly", null, null, "ENABLED"),
                rule("findings", ALL_FINDINGS, true, "ENABLED", TOPIC));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.reason()).isEqualTo(RootFindingAlerts.ALERTED + "\nIn eu-west-1, GuardDuty detector " + DETECTOR + " is enabled; rule "
                + "findings on the default event bus of this account matches the sample Policy:IAMUser/RootCredentialUsage finding (severity 2, Low) "
                + "and sends it to " + TOPIC + ".");
        assertThat(verdict.evidence()).extracting(e -> e.getClass().getSimpleName()).containsExactly("GuardDutyDetectors", "RootFindingRules");
    }

    @Test
    void noDetectorFails() {
        StubEvidence evidence = StubEvidence.account();
        evidence.monitoring().detectors(REGION);
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("GuardDuty is not enabled in the region.\nguardduty:ListDetectors lists no detector in eu-west-1");
    }

    @Test
    void aSuspendedDetectorFails() {
        StubEvidence evidence = StubEvidence.account();
        evidence.monitoring().detectors(REGION, new GuardDutyDetectors.Detector(DETECTOR, "DISABLED"));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("GuardDuty is suspended in the region.\n").contains(DETECTOR + " has status DISABLED");
    }

    @Test
    void aSeverityFilterThatMissesTheLowFindingFailsNamingTheRuleAndWhy() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION, rule("high", HIGH, false, "ENABLED", TOPIC))
                .administrator(REGION, DETECTOR, null, null);
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n")
                .contains("none of the 1 rule(s) with an event pattern on the default event bus of this account matches", "high " + HIGH,
                        "No GuardDuty administrator account receives its findings", "a rule that keeps only findings of severity 4 or more misses it");
    }

    @Test
    void aMatchingRuleThatIsDisabledOrHasNoTargetFailsSaying() {
        StubEvidence disabled = enabled();
        disabled.monitoring().eventRules(REGION, rule("findings", ALL_FINDINGS, true, "DISABLED")).administrator(REGION, DETECTOR, null, null);
        assertThat(evaluate(disabled).reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding is disabled.\n")
                .contains("rule findings on the default event bus of this account matches the sample", "but is DISABLED");
        StubEvidence untargeted = enabled();
        untargeted.monitoring().eventRules(REGION, rule("findings", ALL_FINDINGS, true, "ENABLED"), rule("old", ALL_FINDINGS, true, "DISABLED"))
                .administrator(REGION, DETECTOR, null, null);
        Verdict verdict = evaluate(untargeted);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.\n")
                .contains("rule findings on the default event bus of this account matches the sample", "but has no target")
                .doesNotContain("severity 4");
    }

    @Test
    void theAdministratorsRuleCountsForItsMemberAndIsNamed() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION).administrator(REGION, DETECTOR, ADMINISTRATOR, "Enabled");
        evidence.otherAccount(ADMINISTRATOR).eventRules(REGION, rule("org-findings", ALL_FINDINGS, true, "ENABLED", TOPIC));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.detail()).isEqualTo("In eu-west-1, GuardDuty detector " + DETECTOR + " is enabled, and its findings go to the GuardDuty "
                + "administrator account 777777777777 (guardduty:GetAdministratorAccount: relationship Enabled); rule org-findings on the default "
                + "event bus of the GuardDuty administrator account 777777777777 matches the sample Policy:IAMUser/RootCredentialUsage finding "
                + "(severity 2, Low) and sends it to " + TOPIC + ".");
        assertThat(verdict.evidence()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("GuardDutyDetectors", "RootFindingRules", "GuardDutyAdministrator", "RootFindingRules");
    }

    @Test
    void anAdministratorWhoseRelationshipEndedDoesNotCount() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION).administrator(REGION, DETECTOR, ADMINISTRATOR, "Resigned");
        evidence.otherAccount(ADMINISTRATOR).eventRules(REGION, rule("org-findings", ALL_FINDINGS, true, "ENABLED", TOPIC));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n")
                .contains("the default event bus of this account has no rule with an event pattern",
                        "Its GuardDuty administrator account 777777777777 does not receive its findings: the relationship is Resigned.");
    }

    @Test
    void theFindingIsWhatTheBusClosestToAlertingLacks() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION, rule("high", HIGH, false, "ENABLED")).administrator(REGION, DETECTOR, ADMINISTRATOR, "Enabled");
        evidence.otherAccount(ADMINISTRATOR).eventRules(REGION, rule("org-findings", ALL_FINDINGS, true, "ENABLED"));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.\n")
                .contains("none of the 1 rule(s) with an event pattern on the default event bus of this account matches",
                        "rule org-findings on the default event bus of the GuardDuty administrator account 777777777777 matches the sample",
                        "Its findings also go to the GuardDuty administrator account 777777777777");
    }

    @Test
    void anAdministratorWhoseRulesCannotBeReadIsUnableToAssessNamingIt() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION).administrator(REGION, DETECTOR, ADMINISTRATOR, "Enabled");
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith(RootFindingAlerts.ADMINISTRATOR_UNREADABLE + "\n")
                .contains("account 777777777777", "sts:AssumeRole failed with AccessDenied",
                        "add account 777777777777 to the run's targets, or let the run's audit role (rootposture.role) be assumed in it");
    }

    @Test
    void unreadableEvidenceIsUnableToAssessNamingTheCall() {
        assertThat(evaluate(StubEvidence.account()).reason()).startsWith("guardduty:ListDetectors failed with AccessDenied.\n");
        StubEvidence ownRulesUnreadable = enabled();
        ownRulesUnreadable.monitoring().administrator(REGION, DETECTOR, null, null);
        assertThat(evaluate(ownRulesUnreadable).reason()).startsWith("events:ListRules failed with AccessDenied.\n")
                .contains("No GuardDuty administrator account receives its findings");
        StubEvidence administratorUnknown = enabled();
        administratorUnknown.monitoring().eventRules(REGION, rule("high", HIGH, false, "ENABLED"));
        Verdict verdict = evaluate(administratorUnknown);
        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("guardduty:GetAdministratorAccount failed with AccessDenied.\n").contains("None of the 1 rule(s)", "tested: high " + HIGH);
    }

    @Test
    void theAdministratorsRuleStillPassesWhenTheAccountsOwnRulesCannotBeRead() {
        StubEvidence evidence = enabled();
        evidence.monitoring().administrator(REGION, DETECTOR, ADMINISTRATOR, "Enabled");
        evidence.otherAccount(ADMINISTRATOR).eventRules(REGION, rule("org-findings", ALL_FINDINGS, true, "ENABLED", TOPIC));
        Verdict verdict = evaluate(evidence);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.detail()).contains("rule org-findings", "The account's own rules could not be read: events:ListRules failed with AccessDenied");
    }

    @Test
    void itsEvidenceIsWrittenAsJson() {
        StubEvidence evidence = enabled();
        evidence.monitoring().eventRules(REGION, rule("findings", ALL_FINDINGS, true, "ENABLED", TOPIC));
        String json = String.join("\n", evaluate(evidence).evidence().stream().map(EvidenceJson::of).toList());
        assertThat(json).contains("\"type\" : \"GuardDutyDetectors\"", "\"type\" : \"RootFindingRules\"", "\"sampleFinding\"", TOPIC);
    }
}
