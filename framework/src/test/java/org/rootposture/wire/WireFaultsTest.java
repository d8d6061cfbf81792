package org.rootposture.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.RootCredentialControls;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.Sessions;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * WireMock stands in for AWS IAM (Query protocol, XML) and Account (REST-JSON); the real SDK clients built by
 * {@link Sessions} talk to it, and {@link LiveAccountEvidence} with {@link RootCredentialControls} decide. Every fault
 * AWS can answer with must end as UNABLE_TO_ASSESS (or the documented FAIL), never as PASS.
 */
class WireFaultsTest {

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACCOUNT = "123456789012";
    private static final String OTHER = "111122223333";
    private static final String ROOT_ARN = "arn:aws:iam::" + ACCOUNT + ":root";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final Map<String, String> SAVED = new HashMap<>();

    private final List<Sessions> opened = new ArrayList<>();

    @BeforeAll
    static void staticCredentials() {
        setProperty("aws.accessKeyId", "AKIAWIREMOCKTEST0001");
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

    // (a)
    @Test
    void accessDeniedOnTheSummaryIsUnableToAssessNamingOperationAndCode() {
        AWS.stubFor(query("GetAccountSummary").willReturn(iamError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetAccountSummary")));

        Verdict verdict = RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).contains("iam:GetAccountSummary failed with AccessDenied").contains("not authorized").contains("HTTP 403");
        assertThat(verdict.evidence()).singleElement().isInstanceOfSatisfying(Unreadable.class, unreadable -> {
            assertThat(unreadable.operation()).isEqualTo("iam:GetAccountSummary");
            assertThat(unreadable.errorCode()).isEqualTo("AccessDenied");
        });
        AWS.verify(exactly(1), queryCall("GetAccountSummary"));
    }

    // (b) 3 as specified; 2 proves the count follows the setting, not the standard mode's own default of 3
    @ParameterizedTest(name = "max-attempts={0}")
    @ValueSource(ints = {3, 2})
    void throttlingOnEveryAttemptIsUnableToAssessAfterExactlyMaxAttempts(int maxAttempts) {
        AWS.stubFor(query("GetAccountSummary").willReturn(iamError(400, "Throttling", "Rate exceeded")));
        LiveAccountEvidence evidence = evidence(Map.of("rootposture.max-attempts", String.valueOf(maxAttempts), "rootposture.retry-mode", "standard"));

        Verdict verdict = RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence, context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).contains("iam:GetAccountSummary failed with Throttling").contains("Rate exceeded");
        AWS.verify(exactly(maxAttempts), queryCall("GetAccountSummary"));

        Verdict another = RootCredentialControls.SIGNING_CERTIFICATES_ABSENT.evaluate(evidence, context());
        assertThat(another.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(another.reason()).isEqualTo(verdict.reason());
        AWS.verify(exactly(maxAttempts), queryCall("GetAccountSummary")); // a failed read is remembered, not retried per control
    }

    // (c)
    @Test
    void aCredentialReportStuckInProgressTimesOut() {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport",
                "<State>INPROGRESS</State><Description>Generating</Description>")));
        LiveAccountEvidence evidence = evidence(Map.of("rootposture.credential-report-timeout", "PT2S"));

        long started = System.nanoTime();
        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, context());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).isEqualTo("iam:GenerateCredentialReport failed with Timeout.\nthe credential report was still being "
                + "generated after PT2S (setting rootposture.credential-report-timeout)");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        AWS.verify(moreThanOrExactly(3), queryCall("GenerateCredentialReport"));
        AWS.verify(exactly(0), queryCall("GetCredentialReport"));
    }

    @Test
    void accessDeniedWhileGeneratingTheReportIsUnableToAssessAtOnce() {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamError(403, "AccessDenied", "not authorized to perform: iam:GenerateCredentialReport")));
        LiveAccountEvidence evidence = evidence(Map.of("rootposture.credential-report-timeout", "PT10S"));

        long started = System.nanoTime();
        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("iam:GenerateCredentialReport failed with AccessDenied.\nnot authorized");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting for a report that cannot be generated").isLessThan(Duration.ofSeconds(5));
        AWS.verify(exactly(1), queryCall("GenerateCredentialReport"));
    }

    // (d)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "header without mfa_active | mfa_active | | the report lacks the column(s) [mfa_active]",
            "date column says yesterday | | yesterday | password_last_used of the root row is 'yesterday'"})
    void aMalformedReportIsUnableToAssessNamingTheColumn(String name, String dropColumn, String passwordLastUsed, String expected) {
        Map<String, String> root = rootRow(passwordLastUsed == null ? "N/A" : passwordLastUsed);
        Map<String, String> alice = userRow("alice");
        if (dropColumn != null) {
            root.remove(dropColumn);
            alice.remove(dropColumn);
        }
        stubReport(csv("\n", false, List.of(root, alice)), Instant.parse("2026-11-21T10:00:00Z"));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("iam:GetCredentialReport failed with MalformedCredentialReport.\n").contains(expected);
    }

    // (e)
    @Test
    void aReportWithoutARootRowIsUnableToAssess() {
        stubReport(csv("\n", false, List.of(userRow("alice"), userRow("bob"))), Instant.parse("2026-11-21T10:00:00Z"));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).isEqualTo("iam:GetCredentialReport failed with MalformedCredentialReport.\nthe report has no <root_account> row");
    }

    // (f)
    @ParameterizedTest(name = "root password used {0} days ago -> {1}")
    @CsvSource({"3, FAIL, within", "200, PASS, outside"})
    void aWellFormedCrlfReorderedQuotedReportParsesAndDecidesUsage(long daysAgo, Outcome expected, String side) {
        Instant used = Instant.now().minus(daysAgo, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(userRow("alice, \"the\" auditor")); // a quoted field with a comma and quotes
        rows.add(rootRow(REPORT_DATE.format(used)));
        List<Map<String, String>> reordered = rows.stream().map(WireFaultsTest::reorderedWithExtraColumn).toList();
        String report = csv("\r\n", true, reordered);
        assertThat(report).contains("\r\n").contains("\"alice, \"\"the\"\" auditor\"").contains("\"<root_account>\"").startsWith("\"extra, column\"");
        Instant generated = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        AWS.stubFor(query("GenerateCredentialReport").inScenario("report").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(iamOk("GenerateCredentialReport", "<State>STARTED</State><Description>No report exists</Description>"))
                .willSetStateTo("generated"));
        AWS.stubFor(query("GenerateCredentialReport").inScenario("report").whenScenarioStateIs("generated")
                .willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(credentialReportResponse(report, generated)));
        LiveAccountEvidence evidence = evidence(Map.of());

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence, context());

        assertThat(verdict.outcome()).isEqualTo(expected);
        assertThat(verdict.reason()).endsWith("\nThe root user's password was last used on " + DAY.format(used) + " (" + daysAgo + " days ago), " + side + " the 90-day window (credential report generated " + generated + ").");
        assertThat(evidence.credentialReport().userRows()).isEqualTo(1);
        assertThat(evidence.credentialReport().root().arn()).isEqualTo(ROOT_ARN);
        AWS.verify(exactly(2), queryCall("GenerateCredentialReport"));
        AWS.verify(exactly(1), queryCall("GetCredentialReport"));
    }

    // (g)
    @Test
    void noSecurityContactFails() {
        AWS.stubFor(getAlternateContact().willReturn(jsonError(404, "ResourceNotFoundException", "No contact of the inputted alternate contact type found.")));

        Verdict verdict = RootCredentialControls.SECURITY_CONTACT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).isEqualTo("No SECURITY alternate contact is registered.\n"
                + "AWS has no one but the account's e-mail address to notify about security issues in this account.");
    }

    @Test
    void accessDeniedOnTheSecurityContactIsUnableToAssess() {
        AWS.stubFor(getAlternateContact().willReturn(jsonError(403, "AccessDeniedException", "not authorized to perform: account:GetAlternateContact")));

        Verdict verdict = RootCredentialControls.SECURITY_CONTACT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("account:GetAlternateContact failed with AccessDeniedException.\nnot authorized").contains("HTTP 403");
    }

    @Test
    void aRegisteredSecurityContactPassesMasked() {
        AWS.stubFor(getAlternateContact().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"AlternateContact\":{\"AlternateContactType\":\"SECURITY\",\"Name\":\"Sam Secure\",\"Title\":\"CISO\","
                        + "\"EmailAddress\":\"security@example.com\",\"PhoneNumber\":\"+1-555-0100\"}}")));

        Verdict verdict = RootCredentialControls.SECURITY_CONTACT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.reason()).isEqualTo("A SECURITY alternate contact is registered.\nSam Secure (CISO), s*******@example.com.");
    }

    // (h)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<GetAccountSummaryResponse xmlns=\"" + IAM_NS + "\"><GetAccountSummaryResult><SummaryMap><entry><key>AccountAccessKeysPresent</key><value>0</value></entry><entry><key>AccountSigning",
            "Service Unavailable, please try again",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "{\"SummaryMap\":{\"AccountAccessKeysPresent\":0,\"AccountSigningCertificatesPresent\":0}}"})
    void aSummaryThatIsNotIamXmlIsNeverAPass(String body) {
        AWS.stubFor(query("GetAccountSummary").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
        LiveAccountEvidence evidence = evidence(Map.of());

        for (var control : List.of(RootCredentialControls.ACCESS_KEYS_ABSENT, RootCredentialControls.SIGNING_CERTIFICATES_ABSENT,
                RootCredentialControls.MFA_ENABLED)) {
            Verdict verdict = control.evaluate(evidence, context());
            assertThat(verdict.outcome()).as(control.definition().id() + ": " + verdict.reason()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).startsWith("iam:GetAccountSummary failed with ");
        }
        int reads = AWS.findAll(queryCall("GetAccountSummary")).size();
        assertThat(reads).as("read once (an unparseable answer is not retried), then remembered").isEqualTo(1);
    }

    @Test
    void aWellFormedSummaryIsReadSoTheMalformedCasesAreMeaningful() {
        AWS.stubFor(query("GetAccountSummary").willReturn(summary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0,
                "AccountSigningCertificatesPresent", 1))));
        LiveAccountEvidence evidence = evidence(Map.of());

        assertThat(evidence.accountSummary().summaryMap()).containsExactlyInAnyOrderEntriesOf(Map.of("AccountMFAEnabled", 1,
                "AccountAccessKeysPresent", 0, "AccountSigningCertificatesPresent", 1));
        assertThat(RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence, context()).outcome()).isEqualTo(Outcome.PASS);
        assertThat(RootCredentialControls.MFA_ENABLED.evaluate(evidence, context()).outcome()).isEqualTo(Outcome.PASS);
    }

    // (i)
    @Test
    void theRootsVirtualDeviceOnTheSecondPageFailsHardwareMfa() {
        AWS.stubFor(query("GetAccountSummary").willReturn(summary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0,
                "AccountSigningCertificatesPresent", 0, "AccountPasswordPresent", 1))));
        AWS.stubFor(query("ListVirtualMFADevices").withRequestBody(notContaining("Marker=")).willReturn(mfaPage("page-2",
                device("arn:aws:iam::" + ACCOUNT + ":mfa/alice", "arn:aws:iam::" + ACCOUNT + ":user/alice"),
                device("arn:aws:iam::" + ACCOUNT + ":mfa/spare", null))));
        AWS.stubFor(query("ListVirtualMFADevices").withRequestBody(containing("Marker=page-2")).willReturn(mfaPage(null,
                device("arn:aws:iam::" + ACCOUNT + ":mfa/root-account-mfa-device", ROOT_ARN))));
        LiveAccountEvidence evidence = evidence(Map.of());

        Verdict verdict = RootCredentialControls.MFA_HARDWARE.evaluate(evidence, context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.reason()).isEqualTo("The root user's MFA is a virtual device, not a hardware device.\narn:aws:iam::" + ACCOUNT
                + ":mfa/root-account-mfa-device is assigned to " + ROOT_ARN + ".");
        assertThat(evidence.virtualMfaDevices().devices()).hasSize(3);
        AWS.verify(exactly(2), queryCall("ListVirtualMFADevices").withRequestBody(containing("AssignmentStatus=Any")));
        AWS.verify(exactly(1), queryCall("ListVirtualMFADevices").withRequestBody(containing("Marker=page-2")));
    }

    @Test
    void accessDeniedOnAssumeRoleIsUnableToAssessNamingStsAssumeRole() {
        String role = "arn:aws:iam::" + OTHER + ":role/audit";
        AWS.stubFor(query("AssumeRole").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                        + "<Message>User is not authorized to perform: sts:AssumeRole on resource: " + role + "</Message></Error>"
                        + "<RequestId>1</RequestId></ErrorResponse>")));
        Sessions sessions = sessions(Map.of("rootposture.session-name", "posture-check"));

        LiveAccountEvidence evidence = evidence(sessions, OTHER, sessions.account(OTHER, Optional.of(role)), Duration.ofSeconds(5));
        Verdict verdict = RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence, context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("sts:AssumeRole failed with AccessDenied.\nUser is not authorized").contains("HTTP 403");
        AWS.verify(exactly(1), queryCall("AssumeRole")
                .withRequestBody(containing("RoleArn=" + URLEncoder.encode(role, StandardCharsets.UTF_8)))
                .withRequestBody(containing("RoleSessionName=posture-check")));
        AWS.verify(exactly(0), queryCall("GetAccountSummary"));
    }

    @Test
    void anEmptyAnswerIsUnableToAssessNotAnEmptyList() {
        AWS.stubFor(query("GetAccountSummary").willReturn(summary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0,
                "AccountSigningCertificatesPresent", 0, "AccountPasswordPresent", 1))));
        AWS.stubFor(query("ListVirtualMFADevices").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")));

        Verdict verdict = RootCredentialControls.MFA_HARDWARE.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).as(verdict.reason()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("iam:ListVirtualMFADevices failed with MalformedResponse.\n")
                .contains("answered HTTP 200 with an empty body");
    }

    @Test
    void aRoleThatCannotBeReachedIsNamedAsStsAssumeRoleAndTriedOnce() {
        String role = "arn:aws:iam::" + OTHER + ":role/audit";
        AWS.stubFor(query("AssumeRole").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Sessions sessions = sessions(Map.of());

        LiveAccountEvidence evidence = evidence(sessions, OTHER, sessions.account(OTHER, Optional.of(role)), Duration.ofSeconds(5));
        List<Verdict> verdicts = List.of(RootCredentialControls.ACCESS_KEYS_ABSENT.evaluate(evidence, context()),
                RootCredentialControls.SECURITY_CONTACT.evaluate(evidence, context()));

        assertThat(verdicts).allSatisfy(verdict -> {
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).startsWith("sts:AssumeRole failed with ClientError.\n");
        });
        AWS.verify(exactly(3), queryCall("AssumeRole"));
        AWS.verify(exactly(0), queryCall("GetAccountSummary"));
    }

    @Test
    void aTruncatedRootRowIsUnableToAssess() {
        String report = csv("\n", false, List.of(userRow("alice"), rootRow("N/A")));
        String truncated = report.substring(0, report.indexOf(",true,false,N/A", report.indexOf("<root_account>"))) + ",true\n";
        stubReport(truncated, Instant.parse("2026-11-21T10:00:00Z"));

        Verdict verdict = RootCredentialControls.USAGE_NONE_RECENT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("iam:GetCredentialReport failed with MalformedCredentialReport.\n");
    }

    @Test
    void aSecurityContactAnswerWithoutTheContactIsUnableToAssess() {
        AWS.stubFor(getAlternateContact().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

        Verdict verdict = RootCredentialControls.SECURITY_CONTACT.evaluate(evidence(Map.of()), context());

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(verdict.reason()).startsWith("account:GetAlternateContact failed with ");
    }

    // --- the real objects -------------------------------------------------------------------------------------------

    private LiveAccountEvidence evidence(Map<String, String> extra) {
        Sessions sessions = sessions(extra);
        return evidence(sessions, ACCOUNT, sessions.caller(), settings(extra).credentialReportTimeout());
    }

    /** Wired as {@code Run} wires it: the account's clients, the caller's organization view, root sessions on demand. */
    private static LiveAccountEvidence evidence(Sessions sessions, String accountId, AwsClients clients, Duration reportTimeout) {
        return new LiveAccountEvidence(new AccountIdentity(accountId, "aws"), clients, new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(reportTimeout), Clock.systemUTC());
    }

    private Sessions sessions(Map<String, String> extra) {
        Sessions sessions = new Sessions(settings(extra));
        opened.add(sessions);
        return sessions;
    }

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "rootposture.endpoint", AWS.baseUrl(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "3",
                "rootposture.retry-mode", "standard"));
        properties.putAll(extra);
        return SettingsReader.from(properties, Map.of());
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Instant.now(), Duration.ofDays(90));
    }

    // --- IAM and STS (Query protocol: form-encoded request, XML answer) ---------------------------------------------

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

    private static ResponseDefinitionBuilder summary(Map<String, Integer> entries) {
        return iamOk("GetAccountSummary", "<SummaryMap>" + entries.entrySet().stream()
                .map(e -> "<entry><key>" + e.getKey() + "</key><value>" + e.getValue() + "</value></entry>")
                .collect(Collectors.joining()) + "</SummaryMap>");
    }

    private static String device(String serialNumber, String userArn) {
        String user = userArn == null ? "" : "<User><Path>/</Path><UserName>" + userArn.substring(userArn.lastIndexOf(':') + 1)
                + "</UserName><UserId>AIDAEXAMPLE</UserId><Arn>" + userArn + "</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></User>"
                + "<EnableDate>2024-01-02T00:00:00Z</EnableDate>";
        return "<member><SerialNumber>" + serialNumber + "</SerialNumber>" + user + "</member>";
    }

    private static ResponseDefinitionBuilder mfaPage(String nextMarker, String... devices) {
        return iamOk("ListVirtualMFADevices", "<VirtualMFADevices>" + String.join("", devices) + "</VirtualMFADevices>"
                + (nextMarker == null ? "<IsTruncated>false</IsTruncated>" : "<IsTruncated>true</IsTruncated><Marker>" + nextMarker + "</Marker>"));
    }

    private static void stubReport(String csv, Instant generated) {
        AWS.stubFor(query("GenerateCredentialReport").willReturn(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>")));
        AWS.stubFor(query("GetCredentialReport").willReturn(credentialReportResponse(csv, generated)));
    }

    private static ResponseDefinitionBuilder credentialReportResponse(String csv, Instant generated) {
        return iamOk("GetCredentialReport", "<Content>" + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
                + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>" + generated + "</GeneratedTime>");
    }

    // --- Account (REST-JSON) ----------------------------------------------------------------------------------------

    private static MappingBuilder getAlternateContact() {
        return post(urlEqualTo("/getAlternateContact")).withRequestBody(equalToJson("{\"AlternateContactType\":\"SECURITY\"}"));
    }

    private static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", type)
                .withBody("{\"message\":\"" + message + "\"}");
    }

    // --- credential report CSV --------------------------------------------------------------------------------------

    private static Map<String, String> rootRow(String passwordLastUsed) {
        return row("<root_account>", ROOT_ARN, "not_supported", passwordLastUsed);
    }

    private static Map<String, String> userRow(String name) {
        return row(name, "arn:aws:iam::" + ACCOUNT + ":user/" + name, "true", "no_information");
    }

    private static Map<String, String> row(String user, String arn, String passwordEnabled, String passwordLastUsed) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("user", user);
        row.put("arn", arn);
        row.put("user_creation_time", "2020-01-01T00:00:00+00:00");
        row.put("password_enabled", passwordEnabled);
        row.put("password_last_used", passwordLastUsed);
        row.put("password_last_changed", "not_supported");
        row.put("password_next_rotation", "not_supported");
        row.put("mfa_active", "true");
        for (int key = 1; key <= 2; key++) {
            row.put("access_key_" + key + "_active", "false");
            row.put("access_key_" + key + "_last_rotated", "N/A");
            row.put("access_key_" + key + "_last_used_date", "N/A");
            row.put("access_key_" + key + "_last_used_region", "N/A");
            row.put("access_key_" + key + "_last_used_service", "N/A");
        }
        for (int cert = 1; cert <= 2; cert++) {
            row.put("cert_" + cert + "_active", "false");
            row.put("cert_" + cert + "_last_rotated", "N/A");
        }
        return row;
    }

    /** The same row with its columns in reverse order and an extra first column whose name needs quoting. */
    private static Map<String, String> reorderedWithExtraColumn(Map<String, String> row) {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("extra, column", "extra value");
        List<String> keys = new ArrayList<>(row.keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            reordered.put(keys.get(i), row.get(keys.get(i)));
        }
        return reordered;
    }

    /** Rows sharing one header (the first row's columns); fields are quoted where CSV requires it, or all of them. */
    private static String csv(String lineEnd, boolean quoteAll, List<Map<String, String>> rows) {
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        StringBuilder csv = new StringBuilder(header.stream().map(name -> field(name, quoteAll)).collect(Collectors.joining(","))).append(lineEnd);
        for (Map<String, String> row : rows) {
            csv.append(header.stream().map(column -> field(row.get(column), quoteAll)).collect(Collectors.joining(","))).append(lineEnd);
        }
        return csv.toString();
    }

    private static String field(String value, boolean quote) {
        return quote || value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
