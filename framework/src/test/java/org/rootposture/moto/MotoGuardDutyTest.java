package org.rootposture.moto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.MonitoringControls;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.Sessions;
import org.rootposture.settings.SettingsReader;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code guardduty.root-findings.alerted} through the real SDK against moto: its GuardDuty detectors and EventBridge
 * rules, and TestEventPattern answered by moto's own pattern matcher, the one it routes PutEvents with (see
 * {@code moto_server.py}), so that whether a rule matches the Low-severity root credential usage finding is decided by
 * an implementation nobody here wrote. moto's GetAdministratorAccount answers no administrator for a member (it spells
 * the fields of one it knows in another case than AWS), so the delegated administrator is covered by the lab's tests.
 */
class MotoGuardDutyTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String ACCOUNT = "123456789012";
    private static final String ACCESS_KEY = "AKIAMOTOTESTING00003";
    private static final String SECRET_KEY = "moto-test-secret";
    private static final String REGION = "us-east-1";
    private static final Map<String, String> SAVED = new HashMap<>();

    private Sessions sessions;
    private final List<SdkClient> seeds = new ArrayList<>();

    @BeforeAll
    static void credentials() {
        setProperty("aws.accessKeyId", ACCESS_KEY);
        setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    @AfterAll
    static void restoreProperties() {
        SAVED.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        SAVED.clear();
    }

    @BeforeEach
    void freshMotoAndSessions() {
        MOTO.reset();
        sessions = new Sessions(SettingsReader.from(Map.of(
                "rootposture.endpoint", MOTO.endpoint().toString(),
                "rootposture.region", REGION,
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard"), Map.of()));
    }

    @AfterEach
    void close() {
        seeds.forEach(SdkClient::close);
        seeds.clear();
        sessions.close();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            every GuardDuty finding, the Low root usage one included | {"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"]}                                  | PASS
            severity 4 and above, numeric                            | {"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 4]}]}}                       | FAIL
            the finding type by prefix                               | {"source": ["aws.guardduty"], "detail": {"type": [{"prefix": "Policy:IAMUser/"}]}}                   | PASS
            anything but the root usage type                         | {"source": ["aws.guardduty"], "detail": {"type": [{"anything-but": ["Policy:IAMUser/RootCredentialUsage"]}]}} | FAIL
            """)
    void motoDecidesWhetherTheRulesPatternMatchesTheRootUsageFinding(String name, String pattern, Outcome expected) {
        detector(true);
        rule("guardduty-alerts", pattern, RuleState.ENABLED, topic());

        Verdict verdict = evaluate();

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(expected);
        RootFindingRules rules = evidence().monitoring().rootFindingRules(REGION);
        assertThat(rules.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.matches()).isEqualTo(expected == Outcome.PASS);
            assertThat(rule.eventPattern()).isEqualTo(pattern);
        });
        if (expected == Outcome.PASS) {
            assertThat(verdict.detail()).contains("rule guardduty-alerts on the default event bus of this account", topic());
        } else {
            assertThat(verdict.reason()).startsWith("No EventBridge rule matches GuardDuty's root credential usage finding.\n")
                    .contains("guardduty-alerts", "No GuardDuty administrator account receives its findings", "severity 4 or more misses it");
        }
    }

    @Test
    void withoutADetectorOrWithASuspendedOneItFails() {
        assertThat(evaluate().reason()).startsWith("GuardDuty is not enabled in the region.\n");
        MOTO.reset();
        String id = detector(false);
        assertThat(evaluate().reason()).startsWith("GuardDuty is suspended in the region.\n").contains(id + " has status DISABLED");
        GuardDutyDetectors detectors = evidence().monitoring().guardDutyDetectors(REGION);
        assertThat(detectors.detectors()).extracting(GuardDutyDetectors.Detector::status).containsExactly("DISABLED");
    }

    @Test
    void aMatchingRuleThatIsDisabledOrHasNoTargetFails() {
        detector(true);
        rule("disabled", "{\"source\": [\"aws.guardduty\"]}", RuleState.DISABLED, topic());
        assertThat(evaluate().reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding is disabled.\n");
        rule("no-target", "{\"detail\": {\"type\": [\"Policy:IAMUser/RootCredentialUsage\"]}}", RuleState.ENABLED, null);
        Verdict verdict = evaluate();
        assertThat(verdict.reason()).startsWith("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.\n")
                .contains("rule no-target");
    }

    private Verdict evaluate() {
        return MonitoringControls.ROOT_FINDINGS_ALERTED.evaluate(evidence(), new EvaluationContext(Instant.now(), Duration.ofDays(90)).withRegion(REGION));
    }

    private LiveAccountEvidence evidence() {
        return new LiveAccountEvidence(new AccountIdentity(ACCOUNT, "aws"), sessions.caller(), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC());
    }

    private String detector(boolean enabled) {
        return seed(GuardDutyClient.builder()).createDetector(request -> request.enable(enabled)).detectorId();
    }

    private String topic() {
        return seed(SnsClient.builder()).createTopic(request -> request.name("security-alerts")).topicArn();
    }

    private void rule(String name, String pattern, RuleState state, String target) {
        EventBridgeClient events = seed(EventBridgeClient.builder());
        events.putRule(request -> request.name(name).eventPattern(pattern).state(state));
        if (target != null) {
            events.putTargets(request -> request.rule(name).targets(t -> t.id("alerts").arn(target)));
        }
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C seed(B builder) {
        C client = builder.endpointOverride(MOTO.endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        seeds.add(client);
        return client;
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
