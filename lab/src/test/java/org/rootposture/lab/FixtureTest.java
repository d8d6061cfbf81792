package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rootposture.lab.fixture.AlternateContact.Type.SECURITY;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.AwsConfig;
import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.fixture.RootEvent;
import org.rootposture.lab.fixture.Trail;

/** What the types of a fixture leave to be checked, and the defaults of what a fixture leaves out. */
class FixtureTest {

    @Test
    void theDemoOrganizationKeepsItsEightActiveAssumableAccountsAndAddsThree() {
        Fixture demo = DemoOrganization.fixture();

        assertThat(demo.organization().id()).isEqualTo("o-demo000001");
        assertThat(demo.organization().managementAccountId()).isEqualTo("111111111111");
        assertThat(demo.accounts()).extracting(Account::name).containsExactly("management", "prod-payments", "dev-sandbox",
                "legacy-batch", "data-lake", "workloads-shared", "security-tooling", "audit-restricted",
                "closed-experiment", "vendor-sandbox", "shared-services");
        assertThat(demo.accounts().subList(0, 8)).extracting(Account::id).allMatch(id -> id.chars().distinct().count() == 1);
        assertThat(demo.accounts().subList(8, 11)).extracting(Account::id).containsExactly("121212121212", "131313131313", "141414141414");
        assertThat(demo.accounts().subList(0, 8)).allSatisfy(account -> {
            assertThat(account.status()).isEqualTo(Account.Status.ACTIVE);
            assertThat(account.assumable()).isTrue();
        });
        assertThat(demo.accounts()).allSatisfy(account -> {
            assertThat(account.aliases()).containsExactly("acme-" + account.name());
            assertThat(account.alternateContacts().containsKey(SECURITY)).isEqualTo(!account.id().equals("333333333333"));
        });
        assertThat(demo.accounts()).extracting(Account::id, Account::status, Account::assumable).contains(
                tuple("121212121212", Account.Status.SUSPENDED, false),
                tuple("131313131313", Account.Status.ACTIVE, false),
                tuple("141414141414", Account.Status.ACTIVE, true));
        assertThat(demo.callerAccount().id()).isEqualTo("111111111111");
        assertThat(DemoOrganization.fixture()).as("the same each time").isEqualTo(demo);
    }

    @Test
    void leftOutPartsTakeTheLabsDefaults() {
        Fixture fixture = Fixtures.single(account -> account.trail("main").rootEvent(daysAgo(1), "ConsoleLogin").rootEvent(daysAgo(2), "GetUser")
                .config("us-east-1", config -> config.rule("mfa", AwsConfig.Rule.Source.ROOT_ACCOUNT_MFA_ENABLED)));
        Account account = fixture.accounts().get(0);

        assertThat(fixture.pageSize()).isEqualTo(100);
        assertThat(account.name()).isEqualTo("account-111111111111");
        assertThat(account.email()).isEqualTo("account-111111111111@example.com");
        assertThat(account.status()).isEqualTo(Account.Status.ACTIVE);
        assertThat(account.assumable()).isTrue();
        assertThat(account.parent()).isNull();
        assertThat(account.accountSummary()).containsEntry("AccountMFAEnabled", 0).hasSize(4);
        assertThat(account.credentialReport().generation()).containsExactly(org.rootposture.lab.fixture.CredentialReport.State.COMPLETE);
        assertThat(account.rootCredentials().password()).isFalse();
        assertThat(account.monitoring().regions()).containsOnlyKeys("us-east-1");
        Trail trail = account.monitoring().trails().get(0);
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(trail.multiRegion()).isFalse();
        assertThat(trail.logging()).containsExactly(true);
        assertThat(trail.customSelectors()).isFalse();
        assertThat(account.monitoring().rootEvents()).extracting(RootEvent::eventType, RootEvent::source, RootEvent::sourceIp).containsExactly(
                tuple(RootEvent.EventType.AWS_CONSOLE_SIGN_IN, "signin.amazonaws.com", "198.51.100.10"),
                tuple(RootEvent.EventType.AWS_API_CALL, "iam.amazonaws.com", "198.51.100.10"));
        AwsConfig config = account.monitoring().config().get("us-east-1");
        assertThat(config.recorder()).isEqualTo(new AwsConfig.Recorder("default", true, AwsConfig.Recorder.Status.SUCCESS, true, true, null,
                daysAgo(30), daysAgo(1)));
        assertThat(config.rules().get(0).compliance()).containsExactly(AwsConfig.Rule.Compliance.COMPLIANT);
        assertThat(Fault.error("iam:GetAccountSummary", "Throttling").status()).isEqualTo(400);
        assertThat(Fault.error("iam:GetAccountSummary", "AccessDenied").status()).isEqualTo(403);
        assertThat(Fault.error("iam:GetAccountSummary", "InternalFailure").status()).isEqualTo(500);
    }

    @Test
    void theOrganizationHasEveryOuItsAccountsAndPoliciesSitInWithTheirParents() {
        OrganizationalUnit production = OrganizationalUnit.of("ou-test-prod0001", "Production");
        OrganizationalUnit cards = production.child("ou-test-pay00001", "Payments").child("ou-test-card0001", "Cards");
        OrganizationalUnit security = OrganizationalUnit.of("ou-test-sec00001", "Security");
        Fixture fixture = Fixture.builder()
                .organization("o-test000001", "111111111111", org -> org.policy("p-denyroot01", "DenyRoot", "{\"Statement\": []}",
                        policy -> policy.attachedTo(security)))
                .account("222222222222", account -> account.parent(cards))
                .build();
        Organization organization = fixture.organization();

        assertThat(organization.organizationalUnits()).extracting(OrganizationalUnit::id)
                .containsExactly("ou-test-prod0001", "ou-test-pay00001", "ou-test-card0001", "ou-test-sec00001");
        assertThat(organization.rootId()).matches("r-[a-z]{4}");
        assertThat(organization.featureSet()).isEqualTo(Organization.FeatureSet.ALL);
        assertThat(organization.fullAwsAccess()).isTrue();
        assertThat(organization.features()).isEmpty();
        assertThat(organization.policies().get(0).document()).isEqualTo("{\"Statement\":[]}");
        assertThat(fixture.accounts()).extracting(Account::id).containsExactly("111111111111", "222222222222");
    }

    @Test
    void whatTypesCannotSayIsCheckedOnceWithASentence() {
        assertInvalid(() -> Fixture.builder().account("12345").build(), "an account id must be 12 digits, not '12345'");
        assertInvalid(() -> Fixture.builder().pageSize(0).account("111111111111").build(), "pageSize must be between 1 and 1000, not 0");
        assertInvalid(() -> Fixture.builder().build(), "it needs at least one account");
        assertInvalid(() -> Fixture.builder().organization("o-test000001", "111111111111", org -> org.delegatedAdministrator("999999999999")).build(),
                "the delegated administrator 999999999999 is not a member account");
        assertInvalid(() -> Fixture.builder().organization("o-test000001", "111111111111", org -> org.delegatedAdministrator("111111111111")).build(),
                "the delegated administrator 111111111111 is not a member account");
        assertInvalid(() -> Fixture.builder().organization("o-test000001", "111111111111", org -> org.policy("p-denyroot01", "DenyRoot",
                "{\"Statement\": []}", policy -> policy.attachedToAccounts("999999999999"))).build(),
                "policy p-denyroot01 is attached to 999999999999, which is not one of its accounts");
        assertInvalid(() -> Fixture.builder().organization("o-test000001", "111111111111", org -> org.policy("p-denyroot01", "DenyRoot",
                "Deny everything", policy -> policy)).build(), "the document of policy p-denyroot01 is not valid JSON");
        assertInvalid(() -> Fixture.builder().organization("o-test000001", "111111111111", org -> org.policy("p-denyroot01", "DenyRoot",
                "[]", policy -> policy)).build(), "the document of policy p-denyroot01 is not a JSON object");
        assertInvalid(() -> Fixtures.single(account -> account.region("us-east-1", ENABLED_BY_DEFAULT).region("ap-east-1", DISABLED)
                .trail("main", trail -> trail.homeRegion("ap-east-1"))), "monitoring data lies in ap-east-1, which is not an enabled region");
        assertInvalid(() -> Fixtures.single(account -> account.alarm("a", "m", "n", alarm -> alarm.region("eu-west-1"))),
                "monitoring data lies in eu-west-1");
        assertInvalid(() -> Fault.error("GetAccountSummary", "AccessDenied"), "a fault's operation must look like iam:GetAccountSummary, not 'GetAccountSummary'");
        assertInvalid(() -> Fault.error("iam:GetAccountSummary", "Throttling").times(0), "a fault fails at least one request");
        assertInvalid(() -> new Fixture(null, 100, List.of(Fixtures.single().accounts().get(0), Fixtures.single().accounts().get(0))),
                "an account id is listed twice");
    }

    @Test
    void aTimeIsAnInstantOrADurationBeforeTheLabStarts() {
        Instant start = Instant.parse("2025-03-10T12:00:00Z");

        assertThat(daysAgo(7).resolve(start)).isEqualTo("2025-03-03T12:00:00Z");
        assertThat(LabTime.ago(Duration.ofHours(1)).resolve(start)).isEqualTo("2025-03-10T11:00:00Z");
        assertThat(LabTime.at("2024-05-01T10:00:00+00:00").resolve(start)).isEqualTo("2024-05-01T10:00:00Z");
        assertThatThrownBy(() -> new LabTime(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(Runnable build, String sentence) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid lab fixture: ")
                .hasMessageContaining(sentence);
    }
}
