package org.rootposture.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {

    /** A reader of a command line's options over the given properties and environment. */
    private static SettingsReader commandLine(Map<Setting, String> options, Map<String, String> properties, Map<String, String> environment) {
        return new SettingsReader(options, key -> Optional.ofNullable(properties.get(key)), properties, environment, Optional::empty, true);
    }

    private static final Map<String, String> REGION = Map.of("rootposture.region", "eu-west-1");

    private static Settings read(Map<String, String> properties, Map<String, String> environment) {
        return SettingsReader.from(properties, environment);
    }

    @Test
    void defaults() {
        Settings settings = read(REGION, Map.of());
        assertThat(settings.targets()).isInstanceOf(Settings.TargetSpec.Caller.class);
        assertThat(settings.roleName()).isEqualTo("OrganizationAccountAccessRole");
        assertThat(settings.usageWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.credentialReportTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.retryMode()).isEqualTo(Settings.RetryModeSetting.ADAPTIVE);
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.lab()).isEmpty();
        assertThat(settings.sessionName()).startsWith("rootposture-");
        assertThat(settings.regions()).isEmpty();
        assertThat(settings.await()).isEmpty();
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.filters().isEmpty()).isTrue();
    }

    @Test
    void regionsAwaitAndFilters() {
        Settings settings = read(Map.of("rootposture.region", "eu-west-1", "rootposture.regions", "us-east-1, eu-west-1",
                "rootposture.await", "PT5M", "rootposture.include-ous", "ou-ab12-cd34ef56", "rootposture.exclude-tags", "env=sandbox"), Map.of());
        assertThat(settings.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(settings.await()).contains(Duration.ofMinutes(5));
        assertThat(settings.filters().includeOus()).containsExactly("ou-ab12-cd34ef56");
        assertThat(settings.filters().excludeTags()).containsExactly("env=sandbox");
        assertThat(settings.filters().needsOrganization()).isTrue();
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.include-ous", "Production"), Map.of()))
                .hasMessageContaining("rootposture.include-ous").hasMessageContaining("organizational unit ids").hasMessageContaining("[Production]");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.regions", "mars-1"), Map.of()))
                .hasMessageContaining("rootposture.regions").hasMessageContaining("[mars-1]");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.targets", "terraform"), Map.of()))
                .hasMessageContaining("rootposture.targets=terraform needs rootposture.terraform-outputs");
    }

    @Test
    void systemPropertiesWinOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("posture.properties"), "rootposture.usage-window-days=10\nrootposture.max-attempts=2\nrootposture.role=FromFile\n");
        Settings settings = read(
                Map.of("rootposture.region", "eu-west-1", "rootposture.settings-file", file.toString(), "rootposture.usage-window-days", "30"),
                Map.of("ROOTPOSTURE_USAGE_WINDOW_DAYS", "20", "ROOTPOSTURE_MAX_ATTEMPTS", "3"));
        assertThat(settings.usageWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.roleName()).isEqualTo("FromFile");
    }

    @Test
    void targetsCanBeAListOfAccountIds() {
        Settings settings = read(Map.of("rootposture.region", "eu-west-1", "rootposture.targets", "111111111111, 222222222222,111111111111"), Map.of());
        assertThat(settings.targets()).isEqualTo(new Settings.TargetSpec.Accounts(List.of("111111111111", "222222222222")));
        assertThat(read(Map.of("rootposture.region", "eu-west-1", "rootposture.targets", "ORGANIZATION"), Map.of()).targets())
                .isInstanceOf(Settings.TargetSpec.Organization.class);
    }

    @Test
    void aWrongTargetNamesTheSettingAndTheAllowedValues() {
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.targets", "12345,prod"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("rootposture.targets")
                .hasMessageContaining("'12345,prod'")
                .hasMessageContaining("caller, organization, terraform, or a comma-separated list of 12-digit account ids")
                .hasMessageContaining("not an account id: [12345, prod]");
    }

    @Test
    void wrongValuesNameTheSettingTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.usage-window-days", "ninety"), Map.of()))
                .hasMessage("rootposture.usage-window-days: 'ninety' is not allowed; expected a whole number from 1 to 3650");
        assertThatThrownBy(() -> read(REGION, Map.of("ROOTPOSTURE_RETRY_MODE", "aggressive")))
                .hasMessageContaining("'aggressive' is not allowed; expected one of [standard, adaptive, legacy]");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.credential-report-timeout", "2 minutes"), Map.of()))
                .hasMessageContaining("rootposture.credential-report-timeout").hasMessageContaining("ISO-8601 duration");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.role-arn", "audit"), Map.of()))
                .hasMessageContaining("rootposture.role-arn").hasMessageContaining("an IAM role ARN");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.endpoint", "localhost:4566"), Map.of()))
                .hasMessageContaining("rootposture.endpoint").hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "Europe"), Map.of()))
                .hasMessageContaining("rootposture.region").hasMessageContaining("'Europe'");
    }

    @Test
    void evidenceNotBeforeIsAnInstantWithItsOffset() {
        assertThat(read(Map.of("rootposture.region", "eu-west-1"), Map.of()).evidenceNotBefore()).isEmpty();
        assertThat(read(REGION, Map.of("ROOTPOSTURE_EVIDENCE_NOT_BEFORE", "2026-11-22T10:30:00+01:00")).evidenceNotBefore())
                .contains(Instant.parse("2026-11-22T09:30:00Z"));
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.evidence-not-before", "2026-11-22 09:30"), Map.of()))
                .hasMessageContaining("rootposture.evidence-not-before: '2026-11-22 09:30' is not allowed")
                .hasMessageContaining("ISO-8601 instant");
    }

    @Test
    void aWrongValueIsNamedAsTheUserWroteIt(@TempDir Path dir) throws IOException {
        String wrong = ": '0' is not allowed; expected a whole number from 1 to 64";
        assertThatThrownBy(() -> commandLine(Map.of(Setting.CONCURRENCY, "0"), REGION, Map.of()).read())
                .hasMessage("--concurrency" + wrong);
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.concurrency", "0"), Map.of()))
                .hasMessage("rootposture.concurrency" + wrong);
        assertThatThrownBy(() -> read(REGION, Map.of("ROOTPOSTURE_CONCURRENCY", "0")))
                .hasMessage("ROOTPOSTURE_CONCURRENCY" + wrong);
        Path file = Files.writeString(dir.resolve("posture.properties"), "rootposture.concurrency=0\n");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.settings-file", file.toString()), Map.of()))
                .hasMessage("rootposture.concurrency in " + file.toAbsolutePath() + wrong);
    }

    @Test
    void anOptionWinsOverThePropertyAndASettingItNeedsIsNamedAsAnOption() {
        Settings settings = commandLine(Map.of(Setting.CONCURRENCY, "16"),
                Map.of("rootposture.region", "eu-west-1", "rootposture.concurrency", "0"), Map.of()).read();
        assertThat(settings.concurrency()).isEqualTo(16);
        assertThat(settings.given(Setting.CONCURRENCY)).isEqualTo("--concurrency 16");
        assertThatThrownBy(() -> commandLine(Map.of(Setting.TARGETS, "terraform"), REGION, Map.of()).read())
                .hasMessage("--targets terraform needs --terraform-outputs: the file written by `terraform output -json`");
        assertThatThrownBy(() -> commandLine(Map.of(), Map.of(), Map.of()).read())
                .hasMessage("No AWS region is configured: set --region, AWS_REGION, or a region in your AWS profile.")
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.awsNotConfigured()).isTrue());
    }

    @Test
    void optionsArriveAsConfigurationParametersNamedAsTyped() {
        Map<String, String> parameters = Map.of("--concurrency", "0", "--region", "eu-west-1");
        assertThatThrownBy(() -> SettingsReader.fromEnvironment(key -> Optional.ofNullable(parameters.get(key))))
                .hasMessage("--concurrency: '0' is not allowed; expected a whole number from 1 to 64");
    }

    @Test
    void rootSessionsAreOffUnlessSetToTrue() {
        assertThat(read(REGION, Map.of()).rootSessions()).isFalse();
        assertThat(read(REGION, Map.of("ROOTPOSTURE_ROOT_SESSIONS", "TRUE")).rootSessions()).isTrue();
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.root-sessions", "yes"), Map.of()))
                .hasMessageContaining("rootposture.root-sessions: 'yes' is not allowed")
                .hasMessageContaining("true or false");
    }

    @Test
    void rootEmailDomainsAreAListOfDomainsInLowerCase() {
        assertThat(read(REGION, Map.of()).rootEmailDomains()).isEmpty();
        assertThat(read(REGION, Map.of("ROOTPOSTURE_ROOT_EMAIL_DOMAINS", " ACME.com, acme.co.uk ")).rootEmailDomains())
                .containsExactly("acme.com", "acme.co.uk");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.root-email-domains", "@acme.com,acme"), Map.of()))
                .hasMessage("rootposture.root-email-domains: '@acme.com,acme' is not allowed; expected a comma-separated list of mail domains "
                        + "such as acme.com; wrong: [@acme.com, acme]");
    }

    @Test
    void theDayRootAccessWasRevokedIsADayThatHasBegun() {
        assertThat(read(REGION, Map.of()).rootAccessRevokedOn()).isEmpty();
        assertThat(read(REGION, Map.of("ROOTPOSTURE_ROOT_ACCESS_REVOKED_ON", "2026-10-01")).rootAccessRevokedOn()).contains(LocalDate.of(2026, 10, 1));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String wrong : List.of("2026-10-32", "01.10.2026", tomorrow)) {
            assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.root-access-revoked-on", wrong), Map.of()))
                    .hasMessage("rootposture.root-access-revoked-on: '" + wrong + "' is not allowed; expected a day that has begun, "
                            + "written ISO-8601 such as 2026-10-01");
        }
    }

    @Test
    void unknownSettingsAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.usage-window", "30"), Map.of()))
                .hasMessage("Unknown setting 'rootposture.usage-window' (system property); did you mean rootposture.usage-window-days?"
                        + " The README's Settings table lists them all.");
        assertThatThrownBy(() -> read(REGION, Map.of("ROOTPOSTURE_TARGET", "caller")))
                .hasMessageContaining("Unknown setting 'ROOTPOSTURE_TARGET' (environment variable); did you mean ROOTPOSTURE_TARGETS?");
    }

    @Test
    void aMissingOrBrokenSettingsFileIsNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.settings-file", dir.resolve("absent.properties").toString()), Map.of()))
                .hasMessageContaining("rootposture.settings-file").hasMessageContaining("does not exist");
        Path typo = Files.writeString(dir.resolve("typo.properties"), "rootposture.role=Audit\nrootpostur.targets=caller\n");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.settings-file", typo.toString()), Map.of()))
                .hasMessageContaining("Unknown setting 'rootpostur.targets'").hasMessageContaining("typo.properties");
    }

    @Test
    void noRegionAnywhereIsAConfigurationError() {
        assertThatThrownBy(() -> read(Map.of(), Map.of())).hasMessageContaining("No AWS region is configured");
    }

    @Test
    void theDemoLabIsFoundOnTheClassPathAndServesItsOwnEndpointAndRegion() {
        Settings lab = read(Map.of("rootposture.lab", "demo"), Map.of());
        assertThat(lab.lab()).contains("demo");
        assertThat(lab.region()).isEqualTo("us-east-1");
        assertThat(lab.endpoint()).isEmpty();
        assertThat(read(Map.of("rootposture.lab", "demo", "rootposture.region", "eu-west-1"), Map.of()).region()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.lab", "prod"), Map.of()))
                .hasMessageContaining("expected demo");
        assertThatThrownBy(() -> read(Map.of("rootposture.lab", "demo", "rootposture.endpoint", "http://127.0.0.1:4566"), Map.of()))
                .hasMessage("rootposture.lab and rootposture.endpoint are both set: the local lab serves its own endpoint");
    }

    @Test
    void theDemoLabOutsideTheClassPathIsNamedWithWhereItComesFrom() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            assertThatThrownBy(() -> read(Map.of("rootposture.region", "eu-west-1", "rootposture.lab", "demo"), Map.of()))
                    .hasMessageContaining("rootposture.lab=demo").hasMessageContaining("not on the class path").hasMessageContaining("-Pdemo");
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void aLauncherHandsOverTheCallersCredentialsUnderTheSdksNames() {
        Settings settings = read(Map.of("rootposture.region", "eu-west-1", "aws.accessKeyId", "AKIAEXAMPLEEXAMPLE01",
                "aws.secretAccessKey", "secret"), Map.of());
        assertThat(settings.credentials()).hasValueSatisfying(credentials -> assertThat(credentials.accessKeyId()).isEqualTo("AKIAEXAMPLEEXAMPLE01"));
        assertThat(settings.toString()).doesNotContain("secret");
        assertThat(read(Map.of("rootposture.region", "eu-west-1"), Map.of()).credentials()).isEmpty();
    }
}
