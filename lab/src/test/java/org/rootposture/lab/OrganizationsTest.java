package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.Account.Status.SUSPENDED;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;

import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.Organization;

class OrganizationsTest {

    private static final Fixture FIVE_ACCOUNTS = Fixture.builder()
            .organization("o-test000001", "111111111111")
            .pageSize(2)
            .account("111111111111", account -> account.name("management").email("m@example.com").joined(LabTime.at("2020-01-02T03:04:05Z")))
            .account("222222222222", account -> account.name("two"))
            .account("333333333333", account -> account.name("three").status(SUSPENDED))
            .account("444444444444", account -> account.name("four"))
            .account("555555555555", account -> account.name("five"))
            .build();

    @Test
    void theOrganizationIsDescribed() {
        try (Lab lab = Lab.start(FIVE_ACCOUNTS); LabClients clients = new LabClients(lab)) {
            Organization organization = clients.organizations().describeOrganization().organization();

            assertThat(organization.id()).isEqualTo("o-test000001");
            assertThat(organization.masterAccountId()).isEqualTo("111111111111");
            assertThat(organization.masterAccountEmail()).isEqualTo("m@example.com");
            assertThat(organization.arn()).isEqualTo("arn:aws:organizations::111111111111:organization/o-test000001");
            assertThat(organization.featureSetAsString()).isEqualTo("ALL");
        }
    }

    @Test
    void accountsArePagedAndTheSdkPaginatorSeesThemAll() {
        try (Lab lab = Lab.start(FIVE_ACCOUNTS); LabClients clients = new LabClients(lab)) {
            List<Account> accounts = clients.organizations().listAccountsPaginator(request -> { }).stream()
                    .flatMap(page -> page.accounts().stream()).toList();

            assertThat(accounts).extracting(Account::id)
                    .containsExactly("111111111111", "222222222222", "333333333333", "444444444444", "555555555555");
            assertThat(lab.calls().get("111111111111")).containsEntry("organizations:ListAccounts", 3);
            Account management = accounts.get(0);
            assertThat(management.arn()).isEqualTo("arn:aws:organizations::111111111111:account/o-test000001/111111111111");
            assertThat(management.name()).isEqualTo("management");
            assertThat(management.email()).isEqualTo("m@example.com");
            assertThat(management.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(management.joinedMethod()).isEqualTo(AccountJoinedMethod.INVITED);
            assertThat(management.joinedTimestamp()).isEqualTo("2020-01-02T03:04:05Z");
            assertThat(accounts.get(1).email()).isEqualTo("two@example.com");
            assertThat(accounts.get(1).joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
            assertThat(accounts.get(2).status()).isEqualTo(AccountStatus.SUSPENDED);
        }
    }

    @Test
    void maxResultsOverridesThePageSize() {
        try (Lab lab = Lab.start(FIVE_ACCOUNTS); LabClients clients = new LabClients(lab)) {
            var page = clients.organizations().listAccounts(request -> request.maxResults(4));

            assertThat(page.accounts()).hasSize(4);
            assertThat(page.nextToken()).isNotNull();
        }
    }

    @Test
    void aMemberAccountCannotListTheAccounts() {
        try (Lab lab = Lab.start(FIVE_ACCOUNTS); LabClients clients = new LabClients(lab)) {
            var member = clients.organizations(LabClients.basic(lab.credentialsFor("222222222222")));

            assertThat(member.describeOrganization().organization().id()).isEqualTo("o-test000001");
            assertThatThrownBy(member::listAccounts).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            });
        }
    }

    @Test
    void withoutAnOrganizationOrganizationsIsNotInUse() {
        try (Lab lab = Lab.start(Fixtures.single()); LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.organizations().describeOrganization()).isInstanceOf(AwsOrganizationsNotInUseException.class);
        }
    }
}
