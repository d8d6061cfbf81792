package org.rootposture.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rootposture.evidence.ConfigRuleCompliance;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.Trails;

class MonitoringEvidenceTest {

    private static final Provenance READ = Provenance.of(Instant.parse("2026-11-21T12:00:00Z"), "test");

    @Test
    void subscriberEndpointsAreMaskedAndWebHooksKeepOnlyTheirHost() {
        assertThat(LiveMonitoringEvidence.maskedEndpoint("email", "security@example.com")).isEqualTo("s*******@example.com");
        assertThat(LiveMonitoringEvidence.maskedEndpoint("email-json", "soc@example.com")).isEqualTo("s***@example.com");
        assertThat(LiveMonitoringEvidence.maskedEndpoint("sms", "+15550100")).isEqualTo("*******00");
        assertThat(LiveMonitoringEvidence.maskedEndpoint("https", "https://hooks.example.com/services/T000/B000/SECRETTOKEN"))
                .isEqualTo("https://hooks.example.com/…").doesNotContain("SECRETTOKEN");
        assertThat(LiveMonitoringEvidence.maskedEndpoint("sqs", "arn:aws:sqs:us-east-1:111111111111:inbox"))
                .isEqualTo("arn:aws:sqs:us-east-1:111111111111:inbox");
    }

    @Test
    void alarmsNotifySnsTopicsAmongTheirActions() {
        MetricAlarms.Alarm alarm = new MetricAlarms.Alarm("a", "arn:a", true, List.of("arn:aws:sns:us-east-1:111111111111:t",
                "arn:aws:ssm:us-east-1:111111111111:opsitem:3", "arn:aws-us-gov:sns:us-gov-west-1:111111111111:g"), "OK");
        assertThat(alarm.topics()).containsExactly("arn:aws:sns:us-east-1:111111111111:t", "arn:aws-us-gov:sns:us-gov-west-1:111111111111:g");
    }

    @Test
    void aTrailKnowsItsOwnerFromItsArn() {
        Trails.Trail trail = new Trails.Trail("org", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org", "us-east-1", true, true, null);
        assertThat(trail.ownerAccountId()).isEqualTo("111111111111");
        assertThat(trail.describe("222222222222")).isEqualTo("org (organization trail of 111111111111, home region us-east-1)");
        assertThat(trail.describe("111111111111")).isEqualTo("org (home region us-east-1)");
    }

    @Test
    void complianceOfARuleConfigAnsweredNothingForIsInsufficientData() {
        ConfigRuleCompliance compliance = new ConfigRuleCompliance("us-east-1", Map.of("a", "COMPLIANT"), 1, null, READ);
        assertThat(compliance.of("b")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(compliance.settled()).isTrue();
        assertThat(new ConfigRuleCompliance("us-east-1", Map.of("a", "INSUFFICIENT_DATA"), 3, Duration.ofSeconds(2), READ).settled()).isFalse();
    }

    @Test
    void rulesAreMatchedBySourceIdentifierNotName() {
        ConfigRules rules = new ConfigRules("us-east-1", List.of(
                new ConfigRules.Rule("root-account-mfa-enabled", "CUSTOM_LAMBDA", "my-check", "ACTIVE"),
                new ConfigRules.Rule("securityhub-mfa", "AWS", "ROOT_ACCOUNT_MFA_ENABLED", "ACTIVE"),
                new ConfigRules.Rule("old-mfa", "AWS", "ROOT_ACCOUNT_MFA_ENABLED", "DELETING")), READ);
        assertThat(rules.managed("ROOT_ACCOUNT_MFA_ENABLED")).extracting(ConfigRules.Rule::name).containsExactly("securityhub-mfa");
    }
}
