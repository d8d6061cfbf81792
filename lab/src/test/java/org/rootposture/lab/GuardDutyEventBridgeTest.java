package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.GuardDuty;
import org.rootposture.lab.guardduty.GuardDutyService;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.GetAdministratorAccountResponse;

/** GuardDuty detectors and EventBridge rules through the real AWS SDK, including the lab's answers to TestEventPattern. */
class GuardDutyEventBridgeTest {

    private static final String ACCOUNT = "111111111111";
    private static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:guardduty-findings";
    private static final String ROOT_FINDING = """
            {"version": "0", "id": "7bf73129-1428-4cd3-a780-95db273d1602", "detail-type": "GuardDuty Finding", "source": "aws.guardduty",
             "account": "111111111111", "time": "2026-11-30T12:00:00Z", "region": "us-east-1", "resources": [],
             "detail": {"schemaVersion": "2.0", "accountId": "111111111111", "region": "us-east-1", "type": "Policy:IAMUser/RootCredentialUsage",
                        "severity": 2, "resource": {"resourceType": "AccessKey", "accessKeyDetails": {"userType": "Root"}}}}""";

    private static final Fixture FIXTURE = Fixture.builder().pageSize(2).account(ACCOUNT, account -> account
            .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT).region("ap-east-1", DISABLED)
            .guardDuty("us-east-1", guardDuty -> guardDuty.administrator("777777777777"))
            .guardDuty("eu-west-1", GuardDuty::suspended)
            .eventRule("us-east-1", "all-findings", "{\"source\": [\"aws.guardduty\"], \"detail-type\": [\"GuardDuty Finding\"]}",
                    rule -> rule.targets(TOPIC, "arn:aws:sqs:us-east-1:111111111111:findings", "arn:aws:lambda:us-east-1:111111111111:function:triage"))
            .eventRule("us-east-1", "high-findings", "{\"source\": [\"aws.guardduty\"], \"detail\": {\"severity\": [{\"numeric\": [\">=\", 4]}]}}",
                    rule -> rule.disabled())
            .eventRule("us-east-1", "hourly", null, rule -> rule)
            .eventRule("eu-west-1", "ireland", "{\"source\": [\"aws.guardduty\"]}", rule -> rule))
            .build();

    @Test
    void eachRegionHasItsDetectorOrNone() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            GuardDutyClient virginia = clients.guardDuty(ACCOUNT, Region.US_EAST_1);
            String detector = GuardDutyService.detectorId(ACCOUNT, "us-east-1");
            assertThat(virginia.listDetectors().detectorIds()).containsExactly(detector).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
            assertThat(virginia.getDetector(request -> request.detectorId(detector)).status()).isEqualTo(DetectorStatus.ENABLED);
            GetAdministratorAccountResponse administrator = virginia.getAdministratorAccount(request -> request.detectorId(detector));
            assertThat(administrator.administrator().accountId()).isEqualTo("777777777777");
            assertThat(administrator.administrator().relationshipStatus()).isEqualTo("Enabled");

            GuardDutyClient ireland = clients.guardDuty(ACCOUNT, Region.EU_WEST_1);
            String suspended = ireland.listDetectors().detectorIds().get(0);
            assertThat(suspended).isNotEqualTo(detector);
            assertThat(ireland.getDetector(request -> request.detectorId(suspended)).status()).isEqualTo(DetectorStatus.DISABLED);
            assertThat(ireland.getAdministratorAccount(request -> request.detectorId(suspended)).administrator()).as("no administrator").isNull();

            assertThat(clients.guardDuty(ACCOUNT, Region.EU_CENTRAL_1).listDetectors().detectorIds()).as("a region the fixture does not list").isEmpty();
            assertThatThrownBy(() -> virginia.getDetector(request -> request.detectorId(suspended)))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("not owned by the current account");
            assertThatThrownBy(() -> clients.guardDuty(ACCOUNT, Region.of("ap-east-1")).listDetectors())
                    .hasMessageContaining("security token included in the request is invalid");
        }
    }

    @Test
    void rulesOfTheDefaultBusAndTheirTargetsArePaged() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            EventBridgeClient events = clients.eventBridge(ACCOUNT, Region.US_EAST_1);
            var first = events.listRules(request -> request.eventBusName("default"));
            assertThat(first.rules()).extracting(Rule::name).containsExactly("all-findings", "high-findings");
            assertThat(first.nextToken()).isNotNull();
            var second = events.listRules(request -> request.nextToken(first.nextToken()));
            assertThat(second.rules()).singleElement().satisfies(rule -> {
                assertThat(rule.name()).isEqualTo("hourly");
                assertThat(rule.eventPattern()).isNull();
                assertThat(rule.scheduleExpression()).isNotNull();
            });
            assertThat(second.nextToken()).isNull();
            assertThat(first.rules().get(0).arn()).isEqualTo("arn:aws:events:us-east-1:111111111111:rule/all-findings");
            assertThat(first.rules().get(1).state()).isEqualTo(RuleState.DISABLED);

            var targets = events.listTargetsByRule(request -> request.rule("all-findings"));
            var rest = events.listTargetsByRule(request -> request.rule("all-findings").nextToken(targets.nextToken()));
            assertThat(Stream.concat(targets.targets().stream(), rest.targets().stream()))
                    .extracting(Target::arn).containsExactly(TOPIC, "arn:aws:sqs:us-east-1:111111111111:findings",
                            "arn:aws:lambda:us-east-1:111111111111:function:triage");
            assertThat(events.listTargetsByRule(request -> request.rule("high-findings")).targets()).isEmpty();
            assertThatThrownBy(() -> events.listTargetsByRule(request -> request.rule("no-such-rule")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Rule no-such-rule does not exist");
            assertThatThrownBy(() -> events.listRules(request -> request.eventBusName("custom")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(clients.eventBridge(ACCOUNT, Region.EU_WEST_1).listRules(request -> { }).rules()).extracting(Rule::name).containsExactly("ireland");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            every GuardDuty finding                  | {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"]}                              | true
            the root usage type exactly              | {"detail": {"type": ["Policy:IAMUser/RootCredentialUsage"]}}                                    | true
            severity 4 and above                     | {"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 4]}]}}                   | false
            Low severity                             | {"detail": {"severity": [{"numeric": [">", 0, "<", 4]}]}}                                       | true
            the type by prefix                       | {"detail": {"type": [{"prefix": "Policy:IAMUser/"}]}}                                          | true
            another prefix                           | {"detail": {"type": [{"prefix": "UnauthorizedAccess:"}]}}                                      | false
            anything but the root usage type         | {"source": ["aws.guardduty"], "detail": {"type": [{"anything-but": ["Policy:IAMUser/RootCredentialUsage"]}]}} | false
            anything but low severities              | {"detail": {"severity": [{"anything-but": [1, 2, 3]}]}}                                         | false
            anything but another type                | {"detail": {"type": [{"anything-but": {"prefix": "Recon:"}}]}}                                  | true
            another source                           | {"source": ["aws.securityhub"]}                                                                 | false
            the user type, nested                    | {"detail": {"resource": {"accessKeyDetails": {"userType": ["Root"]}}}}                         | true
            one of two alternatives                  | {"$or": [{"detail": {"severity": [{"numeric": [">=", 7]}]}}, {"detail": {"type": [{"suffix": "RootCredentialUsage"}]}}]} | true
            a field the event lacks                  | {"detail": {"service": {"archived": [false]}}}                                                 | false
            a field that must not exist              | {"detail": {"service": [{"exists": false}]}}                                                   | true
            """)
    void testEventPatternAnswersWhetherThePatternMatches(String name, String pattern, boolean matches) {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            assertThat(clients.eventBridge(ACCOUNT, Region.US_EAST_1).testEventPattern(request -> request.eventPattern(pattern).event(ROOT_FINDING))
                    .result()).isEqualTo(matches);
        }
    }

    @Test
    void anInvalidPatternOrEventIsRefused() {
        try (Lab lab = Lab.start(FIXTURE); MonitoringClients clients = new MonitoringClients(lab)) {
            EventBridgeClient events = clients.eventBridge(ACCOUNT, Region.US_EAST_1);
            for (String pattern : List.of("not json", "[\"aws.guardduty\"]", "{\"source\": \"aws.guardduty\"}", "{\"source\": []}",
                    "{\"detail\": {\"severity\": [{\"numeric\": [\"~\", 4]}]}}")) {
                assertThatThrownBy(() -> events.testEventPattern(request -> request.eventPattern(pattern).event(ROOT_FINDING)))
                        .as(pattern).isInstanceOf(InvalidEventPatternException.class).hasMessageContaining("Event pattern is not valid");
            }
            assertThatThrownBy(() -> events.testEventPattern(request -> request.eventPattern("{\"source\": [\"aws.guardduty\"]}")
                    .event("{\"source\": \"aws.guardduty\"}")))
                    .isInstanceOf(EventBridgeException.class).hasMessageContaining("Parameter Event is not valid");
        }
    }
}
