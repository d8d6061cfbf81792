package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.COMPLIANT;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.INSUFFICIENT_DATA;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Compliance.NON_COMPLIANT;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.IAM_ROOT_ACCESS_KEY_CHECK;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_HARDWARE_MFA_ENABLED;
import static org.rootposture.lab.fixture.AwsConfig.Rule.Source.ROOT_ACCOUNT_MFA_ENABLED;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.AwsConfig;
import org.rootposture.lab.fixture.Fixture;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.ConfigRuleState;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.NoSuchConfigRuleException;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.config.model.RecorderStatus;

class ConfigTest {

    private static final Fixture FIXTURE = Fixture.builder().pageSize(2).account("111111111111", account -> account
            .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT).region("eu-central-1", ENABLED_BY_DEFAULT)
            .config("us-east-1", config -> config
                    .rule("root-account-mfa-enabled", ROOT_ACCOUNT_MFA_ENABLED, INSUFFICIENT_DATA, INSUFFICIENT_DATA, COMPLIANT)
                    .rule("root-account-hardware-mfa-enabled", ROOT_ACCOUNT_HARDWARE_MFA_ENABLED, NON_COMPLIANT)
                    .rule("iam-root-access-key-check", IAM_ROOT_ACCESS_KEY_CHECK))
            .config("eu-west-1", config -> config.recorder(recorder -> recorder.name("ireland").stopped(daysAgo(1))
                    .lastStatus(AwsConfig.Recorder.Status.FAILURE).globalResources(false).roleArn("arn:aws:iam::111111111111:role/config-recorder"))))
            .build();

    private static ConfigClient config(MonitoringClients clients, Region region) {
        return clients.config("111111111111", region);
    }

    private static ComplianceType compliance(ConfigClient config, String rule) {
        return config.describeComplianceByConfigRule(request -> request.configRuleNames(rule)).complianceByConfigRules().get(0)
                .compliance().complianceType();
    }

    @Test
    void eachRegionHasItsOwnRecorderOrNone() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            assertThat(config(clients, Region.US_EAST_1).describeConfigurationRecorders().configurationRecorders()).singleElement().satisfies(recorder -> {
                assertThat(recorder.name()).isEqualTo("default");
                assertThat(recorder.roleARN())
                        .isEqualTo("arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
                assertThat(recorder.recordingGroup().allSupported()).isTrue();
                assertThat(recorder.recordingGroup().includeGlobalResourceTypes()).isTrue();
            });
            assertThat(config(clients, Region.EU_WEST_1).describeConfigurationRecorders().configurationRecorders()).singleElement().satisfies(recorder -> {
                assertThat(recorder.name()).isEqualTo("ireland");
                assertThat(recorder.roleARN()).isEqualTo("arn:aws:iam::111111111111:role/config-recorder");
                assertThat(recorder.recordingGroup().includeGlobalResourceTypes()).isFalse();
            });
            assertThat(config(clients, Region.EU_CENTRAL_1).describeConfigurationRecorders().configurationRecorders()).isEmpty();
            assertThat(config(clients, Region.EU_CENTRAL_1).describeConfigurationRecorderStatus().configurationRecordersStatus()).isEmpty();
            assertThatThrownBy(() -> config(clients, Region.US_EAST_1).describeConfigurationRecorders(request -> request.configurationRecorderNames("ireland")))
                    .isInstanceOf(NoSuchConfigurationRecorderException.class);
        }
    }

    @Test
    void recorderStatusTellsARecordingRecorderFromAStoppedOne() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            ConfigurationRecorderStatus virginia = config(clients, Region.US_EAST_1).describeConfigurationRecorderStatus()
                    .configurationRecordersStatus().get(0);
            assertThat(virginia.recording()).isTrue();
            assertThat(virginia.lastStatus()).isEqualTo(RecorderStatus.SUCCESS);
            assertThat(virginia.lastStartTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(30)));
            assertThat(virginia.lastStopTime()).isNull();

            ConfigurationRecorderStatus ireland = config(clients, Region.EU_WEST_1)
                    .describeConfigurationRecorderStatus(request -> request.configurationRecorderNames("ireland")).configurationRecordersStatus().get(0);
            assertThat(ireland.name()).isEqualTo("ireland");
            assertThat(ireland.recording()).isFalse();
            assertThat(ireland.lastStatus()).isEqualTo(RecorderStatus.FAILURE);
            assertThat(ireland.lastStopTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(1)));
            assertThat(ireland.lastErrorCode()).isNotBlank();
        }
    }

    @Test
    void configRulesArePagedAndBelongToTheirRegion() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            List<ConfigRule> rules = config(clients, Region.US_EAST_1).describeConfigRulesPaginator(request -> { }).configRules().stream().toList();

            assertThat(rules).extracting(ConfigRule::configRuleName)
                    .containsExactly("root-account-mfa-enabled", "root-account-hardware-mfa-enabled", "iam-root-access-key-check");
            assertThat(lab.calls().get("111111111111")).containsEntry("config:DescribeConfigRules", 2);
            assertThat(rules).allSatisfy(rule -> {
                assertThat(rule.source().owner()).isEqualTo(Owner.AWS);
                assertThat(rule.configRuleState()).isEqualTo(ConfigRuleState.ACTIVE);
                assertThat(rule.configRuleArn()).startsWith("arn:aws:config:us-east-1:111111111111:config-rule/config-rule-")
                        .endsWith(rule.configRuleId());
            });
            assertThat(rules).extracting(rule -> rule.source().sourceIdentifier())
                    .containsExactly("ROOT_ACCOUNT_MFA_ENABLED", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", "IAM_ROOT_ACCESS_KEY_CHECK");
            assertThat(config(clients, Region.EU_WEST_1).describeConfigRules().configRules()).isEmpty();
            assertThatThrownBy(() -> config(clients, Region.EU_WEST_1).describeConfigRules(request -> request.configRuleNames("root-account-mfa-enabled")))
                    .isInstanceOfSatisfying(NoSuchConfigRuleException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void complianceSettlesAfterAFewPolls() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            ConfigClient config = config(clients, Region.US_EAST_1);
            List<ComplianceType> polls = IntStream.range(0, 4).mapToObj(i -> compliance(config, "root-account-mfa-enabled")).toList();

            assertThat(polls).containsExactly(ComplianceType.INSUFFICIENT_DATA, ComplianceType.INSUFFICIENT_DATA, ComplianceType.COMPLIANT,
                    ComplianceType.COMPLIANT);
            assertThat(compliance(config, "iam-root-access-key-check")).isEqualTo(ComplianceType.COMPLIANT);
            assertThat(compliance(clients.config("111111111111", Region.US_EAST_1), "root-account-mfa-enabled")).isEqualTo(ComplianceType.COMPLIANT);
        }
    }

    @Test
    void complianceIsPagedAndFilteredByType() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            ConfigClient config = config(clients, Region.US_EAST_1);
            List<ComplianceByConfigRule> first = config.describeComplianceByConfigRulePaginator(request -> { })
                    .complianceByConfigRules().stream().toList();
            assertThat(first).extracting(rule -> rule.compliance().complianceType())
                    .containsExactly(ComplianceType.INSUFFICIENT_DATA, ComplianceType.NON_COMPLIANT, ComplianceType.COMPLIANT);

            List<ComplianceByConfigRule> failing = config.describeComplianceByConfigRule(request -> request
                    .complianceTypes(ComplianceType.NON_COMPLIANT)).complianceByConfigRules();
            assertThat(failing).singleElement().satisfies(rule -> {
                assertThat(rule.configRuleName()).isEqualTo("root-account-hardware-mfa-enabled");
                assertThat(rule.compliance().complianceContributorCount().cappedCount()).isEqualTo(1);
            });
            assertThatThrownBy(() -> config.describeComplianceByConfigRule(request -> request.configRuleNames("no-such-rule")))
                    .isInstanceOf(NoSuchConfigRuleException.class);
        }
    }
}
