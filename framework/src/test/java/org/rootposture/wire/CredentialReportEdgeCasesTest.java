package org.rootposture.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.RootCredentialControls;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.Sessions;
import org.rootposture.settings.SettingsReader;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The credential report's own failure modes, against WireMock standing in for IAM: a report that expired or vanished
 * between generating and fetching is generated once more and fetched once more; {@code LimitExceeded} while
 * generating is waited out within the bounded wait; a report generated before {@code rootposture.evidence-not-before}
 * is stale.
 */
class CredentialReportEdgeCasesTest {

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACCOUNT = "123456789012";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Map<String, String> SAVED = new HashMap<>();
    private static final String REPORT = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\r\n"
            + "<root_account>,arn:aws:iam::" + ACCOUNT + ":root,2020-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\r\n";

    private final List<Sessions> opened = new ArrayList<>();

    @BeforeAll
    static void staticCredentials() {
        setProperty("aws.accessKeyId", "AKIAWIREMOCKTEST0002");
        setProperty("aws.secretAccessKey", "wiremock-secret");
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
    }

    @AfterEach
    void closeSessions() {
        opened.forEach(Sessions::close);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ReportExpired", "ReportNotPresent"})
    void aReportGoneBeforeItIsFetchedIsGeneratedAgainOnceThenFetched(String code) {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").inScenario("gone").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(iamError(410, code, "The credential report is gone")).willSetStateTo("regenerated"));
        AWS.stubFor(query("GetCredentialReport").inScenario("gone").whenScenarioStateIs("regenerated")
                .willReturn(report(REPORT, Instant.now().minusSeconds(5))));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence("PT10S"), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
        AWS.verify(exactly(2), queryCall("GenerateCredentialReport"));
        AWS.verify(exactly(2), queryCall("GetCredentialReport"));
    }

    @Test
    void aReportThatStaysGoneIsUnableToAssessAfterOneRegeneration() {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(iamError(410, "ReportExpired", "The credential report has expired")));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence("PT10S"), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).contains("iam:GetCredentialReport failed with ReportExpired");
        AWS.verify(exactly(2), queryCall("GenerateCredentialReport"));
        AWS.verify(exactly(2), queryCall("GetCredentialReport"));
    }

    @Test
    void limitExceededWhileGeneratingIsWaitedOut() {
        AWS.stubFor(query("GenerateCredentialReport").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(iamError(409, "LimitExceeded", "Too many report generations")).willSetStateTo("once"));
        AWS.stubFor(query("GenerateCredentialReport").inScenario("limit").whenScenarioStateIs("once")
                .willReturn(iamError(409, "LimitExceeded", "Too many report generations")).willSetStateTo("free"));
        AWS.stubFor(query("GenerateCredentialReport").inScenario("limit").whenScenarioStateIs("free")
                .willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(report(REPORT, Instant.now().minusSeconds(5))));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence("PT10S"), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
        AWS.verify(exactly(3), queryCall("GenerateCredentialReport"));
        AWS.verify(exactly(1), queryCall("GetCredentialReport"));
    }

    @Test
    void limitExceededBeyondTheBoundedWaitIsUnableToAssess() {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamError(409, "LimitExceeded", "Too many report generations")));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence("PT2S"), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).contains("iam:GenerateCredentialReport failed with Timeout").contains("PT2S");
        AWS.verify(exactly(0), queryCall("GetCredentialReport"));
    }

    @Test
    void aReportGeneratedBeforeTheDeploymentStartedIsStaleAndUnableToAssessWithBothTimes() {
        Instant generated = Instant.parse("2026-11-22T08:00:00Z");
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(report(REPORT, generated)));

        LiveAccountEvidence evidence = evidence("PT10S", Map.of("rootposture.evidence-not-before", "2026-11-22T10:30:00+01:00"));
        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).contains("iam:GetCredentialReport failed with StaleCredentialReport",
                "generated at 2026-11-22T08:00:00Z", "before rootposture.evidence-not-before 2026-11-22T09:30:00Z", "from 2026-11-22T12:00:00Z");
    }

    @Test
    void aReportGeneratedAfterTheDeploymentStartedIsUsed() {
        Instant generated = Instant.now().minusSeconds(60);
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(report(REPORT, generated)));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(
                evidence("PT10S", Map.of("rootposture.evidence-not-before", generated.minusSeconds(1).toString())), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.PASS);
    }

    private LiveAccountEvidence evidence(String reportTimeout) {
        return evidence(reportTimeout, Map.of());
    }

    private LiveAccountEvidence evidence(String reportTimeout, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "rootposture.endpoint", AWS.baseUrl(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard",
                "rootposture.credential-report-timeout", reportTimeout));
        properties.putAll(more);
        var settings = SettingsReader.from(properties, Map.of());
        Sessions sessions = new Sessions(settings);
        opened.add(sessions);
        return new LiveAccountEvidence(new AccountIdentity(ACCOUNT, "aws"), sessions.caller(), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), new EvidenceOptions(settings.credentialReportTimeout(), List.of(), settings.evidenceNotBefore(), false), Clock.systemUTC());
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Instant.now(), Duration.ofDays(90));
    }

    private static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    private static RequestPatternBuilder queryCall(String action) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    private static ResponseDefinitionBuilder iamOk(String action, String resultXml) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + resultXml + "</" + action + "Result>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static ResponseDefinitionBuilder iamError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
    }

    private static ResponseDefinitionBuilder report(String csv, Instant generated) {
        return iamOk("GetCredentialReport", "<Content>" + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
                + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>" + generated + "</GeneratedTime>");
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
