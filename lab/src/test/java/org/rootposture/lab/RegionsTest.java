package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLING;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Account;

import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.account.model.ValidationException;

class RegionsTest {

    private static final Consumer<Account.Builder> MEMBER_REGIONS = account -> account.region("us-east-1", ENABLED_BY_DEFAULT)
            .region("eu-west-1", ENABLED_BY_DEFAULT).region("ap-southeast-2", ENABLED).region("ap-east-1", DISABLED).region("me-south-1", ENABLING);

    @Test
    void listRegionsPagesTheAccountsRegionsWithTheirOptStatus() {
        try (Lab lab = Lab.start(Fixtures.organization(MEMBER_REGIONS)); LabClients clients = new LabClients(lab)) {
            AccountClient member = clients.account(LabClients.basic(lab.credentialsFor("222222222222")));
            List<Region> regions = member.listRegionsPaginator(request -> request.maxResults(2)).regions().stream().toList();

            assertThat(regions).extracting(Region::regionName, Region::regionOptStatus).containsExactly(
                    tuple("us-east-1", RegionOptStatus.ENABLED_BY_DEFAULT),
                    tuple("eu-west-1", RegionOptStatus.ENABLED_BY_DEFAULT),
                    tuple("ap-southeast-2", RegionOptStatus.ENABLED),
                    tuple("ap-east-1", RegionOptStatus.DISABLED),
                    tuple("me-south-1", RegionOptStatus.ENABLING));
            assertThat(lab.calls().get("222222222222")).containsEntry("account:ListRegions", 3);
        }
    }

    @Test
    void listRegionsFiltersByOptStatus() {
        try (Lab lab = Lab.start(Fixtures.organization(MEMBER_REGIONS)); LabClients clients = new LabClients(lab)) {
            AccountClient member = clients.account(LabClients.basic(lab.credentialsFor("222222222222")));

            assertThat(member.listRegions(request -> request.regionOptStatusContains(RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT))
                    .regions()).extracting(Region::regionName).containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
            assertThat(member.listRegions(request -> request.regionOptStatusContains(RegionOptStatus.DISABLED)).regions())
                    .extracting(Region::regionName).containsExactly("ap-east-1");
            assertThatThrownBy(() -> member.listRegions(request -> request.maxResults(51))).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void theManagementAccountListsAMembersRegionsButNotTheOtherWayRound() {
        try (Lab lab = Lab.start(Fixtures.organization(MEMBER_REGIONS)); LabClients clients = new LabClients(lab)) {
            assertThat(clients.account().listRegions(request -> { }).regions()).extracting(Region::regionName, Region::regionOptStatus)
                    .containsExactly(tuple("us-east-1", RegionOptStatus.ENABLED_BY_DEFAULT));
            assertThat(clients.account().listRegions(request -> request.accountId("222222222222")).regions()).hasSize(5);
            assertThatThrownBy(() -> clients.account(LabClients.basic(lab.credentialsFor("222222222222")))
                    .listRegions(request -> request.accountId("111111111111")))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .contains("account:ListRegions"));
        }
    }
}
