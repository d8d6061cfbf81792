package org.rootposture.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Sessions;
import org.rootposture.settings.SettingsReader;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** {@code rootposture.account-budget}: once an account's calls have taken longer, its further calls are not sent. */
class AccountBudgetTest {

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ACCOUNT = "123456789012";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Map<String, String> SAVED = new HashMap<>();

    private final List<Sessions> opened = new ArrayList<>();

    @BeforeAll
    static void staticCredentials() {
        setProperty("aws.accessKeyId", "AKIAWIREMOCKTEST0003");
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

    @Test
    void aSlowAccountsFurtherCallsFailFastNamingTheBudget() {
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountSummary"))
                .willReturn(iamOk("GetAccountSummary", "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>")
                        .withFixedDelay(1300)));
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListVirtualMFADevices"))
                .willReturn(iamOk("ListVirtualMFADevices", "<VirtualMFADevices/><IsTruncated>false</IsTruncated>")));
        LiveAccountEvidence evidence = evidence(Map.of("rootposture.account-budget", "PT1S"));

        assertThat(evidence.accountSummary()).isNotNull();
        assertThatThrownBy(evidence::virtualMfaDevices).isInstanceOf(EvidenceUnavailableException.class)
                .hasMessageContaining("iam:ListVirtualMFADevices")
                .hasMessageContaining("rootposture.account-budget=PT1S");
        AWS.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListVirtualMFADevices")));
    }

    @Test
    void withoutABudgetTheSameAccountIsReadInFull() {
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountSummary"))
                .willReturn(iamOk("GetAccountSummary", "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap>")
                        .withFixedDelay(1300)));
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListVirtualMFADevices"))
                .willReturn(iamOk("ListVirtualMFADevices", "<VirtualMFADevices/><IsTruncated>false</IsTruncated>")));
        LiveAccountEvidence evidence = evidence(Map.of());

        assertThat(evidence.accountSummary()).isNotNull();
        assertThat(evidence.virtualMfaDevices()).isNotNull();
        AWS.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListVirtualMFADevices")));
    }

    private LiveAccountEvidence evidence(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "rootposture.endpoint", AWS.baseUrl(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard"));
        properties.putAll(extra);
        var settings = SettingsReader.from(properties, Map.of());
        Sessions sessions = new Sessions(settings);
        opened.add(sessions);
        return new LiveAccountEvidence(new AccountIdentity(ACCOUNT, "aws"), sessions.caller(), new LiveOrganization(sessions.caller(), Clock.systemUTC()),
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(settings.credentialReportTimeout()), Clock.systemUTC());
    }

    private static ResponseDefinitionBuilder iamOk(String action, String resultXml) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + resultXml + "</" + action + "Result>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
