package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureTest {

    @Test
    void theDemoOrganizationKeepsItsEightActiveAssumableAccountsAndAddsThree() {
        Fixture demo = Fixture.fromClasspath("/demo-organization.json");

        assertThat(demo.organization().id()).isEqualTo("o-demo000001");
        assertThat(demo.organization().managementAccountId()).isEqualTo("111111111111");
        assertThat(demo.accounts()).extracting(AccountFixture::name).containsExactly("management", "prod-payments", "dev-sandbox",
                "legacy-batch", "data-lake", "workloads-shared", "security-tooling", "audit-restricted",
                "closed-experiment", "vendor-sandbox", "shared-services");
        assertThat(demo.accounts().subList(0, 8)).extracting(AccountFixture::id).allMatch(id -> id.chars().distinct().count() == 1);
        assertThat(demo.accounts().subList(8, 11)).extracting(AccountFixture::id).containsExactly("121212121212", "131313131313", "141414141414");
        assertThat(demo.accounts().subList(0, 8)).allSatisfy(account -> {
            assertThat(account.status()).isEqualTo("ACTIVE");
            assertThat(account.assumable()).isTrue();
        });
        assertThat(demo.accounts()).allSatisfy(account -> {
            assertThat(account.aliases()).containsExactly("acme-" + account.name());
            assertThat(account.alternateContacts().containsKey("SECURITY")).isEqualTo(!account.id().equals("333333333333"));
        });
        assertThat(demo.account("121212121212")).get().extracting(AccountFixture::status, AccountFixture::assumable).containsExactly("SUSPENDED", false);
        assertThat(demo.account("131313131313")).get().extracting(AccountFixture::status, AccountFixture::assumable).containsExactly("ACTIVE", false);
        assertThat(demo.account("141414141414")).get().extracting(AccountFixture::status, AccountFixture::assumable).containsExactly("ACTIVE", true);
        assertThat(demo.callerAccount().id()).isEqualTo("111111111111");
    }

    @Test
    void leftOutFieldsTakeDefaults() {
        AccountFixture account = Fixtures.single("").accounts().get(0);

        assertThat(account.name()).isEqualTo("account-111111111111");
        assertThat(account.email()).isEqualTo("account-111111111111@example.com");
        assertThat(account.status()).isEqualTo("ACTIVE");
        assertThat(account.assumable()).isTrue();
        assertThat(account.credentialReport().generation()).containsExactly("COMPLETE");
        assertThat(account.accountSummary()).containsEntry("AccountMFAEnabled", 0);
        assertThat(Fixtures.single("").pageSize()).isEqualTo(100);
        assertThat(new FaultFixture("iam:GetAccountSummary", "Throttling", null, null, null).status()).isEqualTo(400);
        assertThat(new FaultFixture("iam:GetAccountSummary", "AccessDenied", null, null, null).status()).isEqualTo(403);
        assertThat(new FaultFixture("iam:GetAccountSummary", "InternalFailure", null, null, null).status()).isEqualTo(500);
    }

    @Test
    void anUnknownFieldIsNamedWithItsAccount() {
        assertThatThrownBy(() -> Fixtures.organization("\"credentialReport\": {\"omitroot\": true}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("omitroot")
                .hasMessageContaining("222222222222")
                .hasMessageContaining("accounts[1].credentialReport");
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": [{\"id\": \"111111111111\"}], \"page_size\": 3}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_size");
    }

    @Test
    void aDuplicateAccountIdIsRejected() {
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": [{\"id\": \"111111111111\"}, {\"id\": \"111111111111\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("111111111111").hasMessageContaining("duplicate");
    }

    @Test
    void anAccountIdMustHaveTwelveDigits() {
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": [{\"id\": \"12345\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts[0].id").hasMessageContaining("'12345'");
    }

    @Test
    void aBadTimeValueIsNamedWithItsFieldAndAccount() {
        assertThatThrownBy(() -> Fixtures.organization("\"credentialReport\": {\"root\": {\"password_last_used\": \"last week\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account 222222222222")
                .hasMessageContaining("credentialReport.root.password_last_used")
                .hasMessageContaining("'last week'");
        assertThatThrownBy(() -> Fixtures.single("\"virtualMfaDevices\": [{\"serialNumber\": \"arn:aws:iam::111111111111:mfa/x\", "
                + "\"userArn\": \"arn:aws:iam::111111111111:root\", \"enableDate\": \"P7D\"}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("virtualMfaDevices[0].enableDate");
    }

    @Test
    void otherInconsistenciesAreRejected() {
        assertThatThrownBy(() -> Fixtures.single("\"credentialReport\": {\"root\": {\"mfa\": \"true\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown column 'mfa'");
        assertThatThrownBy(() -> Fixtures.single("\"credentialReport\": {\"generation\": [\"DONE\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentialReport.generation");
        assertThatThrownBy(() -> Fixtures.single("\"faults\": [{\"operation\": \"GetAccountSummary\", \"code\": \"AccessDenied\"}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faults[0].operation");
        assertThatThrownBy(() -> Fixtures.single("\"alternateContacts\": {\"SECURTY\": {\"name\": \"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SECURTY");
        assertThatThrownBy(() -> Fixture.fromJson("{\"organization\": {\"id\": \"o-test000001\", \"managementAccountId\": \"999999999999\"}, "
                + "\"accounts\": [{\"id\": \"111111111111\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("managementAccountId").hasMessageContaining("999999999999");
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": []}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts");
        assertThatThrownBy(() -> Fixture.fromJson("{\"pageSize\": \"many\", \"accounts\": [{\"id\": \"111111111111\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": [{\"id\": \"111111111111\", \"id\": \"222222222222\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> Fixture.fromJson("{\"accounts\": [")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void fixturesAreReadFromFilesAndTheClassPath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("fixture.json");
        Files.writeString(file, "{\"accounts\": [{\"id\": \"123456789012\", \"name\": \"from-file\"}]}");

        assertThat(Fixture.fromPath(file).accounts()).extracting(AccountFixture::name).isEqualTo(List.of("from-file"));
        assertThatThrownBy(() -> Fixture.fromClasspath("/no-such-fixture.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no-such-fixture.json");
    }

    @Test
    void relativeTimeValuesCountBackFromTheStart() {
        Instant start = Instant.parse("2025-03-10T12:00:00Z");

        assertThat(TimeValue.resolve("-P7D", start)).isEqualTo("2025-03-03T12:00:00Z");
        assertThat(TimeValue.resolve("-PT1H", start)).isEqualTo("2025-03-10T11:00:00Z");
        assertThat(TimeValue.resolve("-P1Y", start)).isEqualTo("2024-03-10T12:00:00Z");
        assertThat(TimeValue.resolve("2024-05-01T10:00:00+00:00", start)).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(TimeValue.isValid("yesterday")).isFalse();
    }
}
