package org.rootposture.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_SESSIONS;
import static org.rootposture.lab.fixture.RootEvent.EventType.AWS_SERVICE_EVENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.LabRun;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.internal.controls.Catalogue;
import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.AlternateContact;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.fixture.Policy;
import org.rootposture.lab.fixture.RootCredentials;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/**
 * Hostile and odd data from AWS is data: account names, aliases, OU names, SCP names and CloudTrail event fields with
 * HTML, a script tag, quotes, a newline and non-ASCII text. The run completes, the evidence is valid JSON carrying
 * them verbatim, and the HTML the framework writes into results never carries the script tag unescaped.
 */
class HostileDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "<script>alert('rp')</script>";
    private static final String HOSTILE = "<b>x</b>" + SCRIPT + " \"quoted\"\nZürich ☃ &amp; ";
    private static final String DENY_ROOT = "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
            + "\"Condition\": {\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:root\"}}}]}";
    private static final String CIS_PATTERN = "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) "
            + "&& ($.eventType != \"AwsServiceEvent\") }";

    @Test
    void hostileNamesAreCarriedAsDataAndNeverAsMarkup(@TempDir Path results) throws IOException {
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        try (LabRun lab = LabRun.of(hostileOrganization(),
                Map.of("rootposture.targets", "organization", "rootposture.regions", "us-east-1"))) {
            Allure.setLifecycle(lifecycle);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(BuiltInCatalogue.class)).build());
        } finally {
            Allure.setLifecycle(original);
        }

        List<JsonNode> resultFiles = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().endsWith("-result.json")) {
                    resultFiles.add(JSON.readTree(text));
                } else if (file.getFileName().toString().endsWith("-attachment.json")) {
                    JSON.readTree(text); // valid JSON, whatever the data
                    attachments.add(text);
                }
            }
        }
        assertThat(resultFiles).hasSizeGreaterThan(Catalogue.all().size());
        assertThat(resultFiles).allSatisfy(result -> {
            assertThat(result.path("statusDetails").path("trace").asText()).doesNotContain("NullPointerException", "JsonParseException");
            assertThat(result.path("descriptionHtml").asText()).doesNotContain(SCRIPT);
        });
        List<String> decoded = new ArrayList<>();
        for (String text : attachments) {
            decoded.add(JSON.readTree(text).toString());
        }
        assertThat(decoded).anyMatch(text -> text.contains("Zürich ☃"));
    }

    /** An organization with hostile text in the names of its accounts, aliases, OUs, SCPs and root events. */
    private static Fixture hostileOrganization() {
        OrganizationalUnit production = OrganizationalUnit.of("ou-host-prod0001", "Production" + HOSTILE);
        OrganizationalUnit payments = production.child("ou-host-pay00001", "Payments" + HOSTILE);
        OrganizationalUnit security = OrganizationalUnit.of("ou-host-sec00001", "Security" + HOSTILE);
        String topic = "arn:aws:sns:us-east-1:111111111111:root-activity-alerts";
        return Fixture.builder()
                .organization("o-hostile0001", "111111111111", org -> org.features(ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS)
                        .policy("p-denyroot01", "DenyRootUser" + HOSTILE, DENY_ROOT, policy -> policy.attachedTo(production))
                        .policy("p-denyleave01", "DenyLeavingOrganization" + HOSTILE,
                                "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"organizations:LeaveOrganization\", \"Resource\": \"*\"}]}",
                                Policy::attachedToRoot))
                .account("111111111111", account -> named(account, "management")
                        .trail("org-trail", trail -> trail.multiRegion(true).organizationTrail(true).logGroup("org-trail"))
                        .metricFilter("org-trail", "RootAccountUsage" + HOSTILE, CIS_PATTERN, "RootAccountUsageCount", "CISBenchmark")
                        .alarm("CIS-RootAccountUsage" + HOSTILE, "RootAccountUsageCount", "CISBenchmark", alarm -> alarm.actions(topic))
                        .subscription(topic, "security@example.com"))
                .account("222222222222", account -> named(account, "payments").parent(payments)
                        .rootPassword(daysAgo(300)).rootMfaDevice("GAHT22220001", daysAgo(300))
                        .rootEvent(daysAgo(2), "ConsoleLogin" + HOSTILE, event -> event.sourceIp("203.0.113.7"))
                        .rootEvent(daysAgo(3), "RotateKey" + HOSTILE, event -> event.source("kms.amazonaws.com").type(AWS_SERVICE_EVENT)))
                .account("333333333333", account -> named(account, "security").parent(security)
                        .rootAccessKey("AKIALABROOT333300001", RootCredentials.KeyStatus.INACTIVE, daysAgo(900)))
                .build();
    }

    private static Account.Builder named(Account.Builder account, String name) {
        return account.name(name + HOSTILE).alias("alias" + HOSTILE).contact(AlternateContact.Type.SECURITY, "Security" + HOSTILE, "CISO",
                "security@example.com", "+1-555-0100");
    }
}
