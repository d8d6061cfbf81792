package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rootposture.lab.fixture.Account.Status.PENDING_CLOSURE;
import static org.rootposture.lab.fixture.Account.Status.SUSPENDED;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;

class OrganizationStructureTest {

    private static final org.rootposture.lab.fixture.OrganizationalUnit PRODUCTION =
            org.rootposture.lab.fixture.OrganizationalUnit.of("ou-test-prod0001", "Production");
    private static final org.rootposture.lab.fixture.OrganizationalUnit DEVELOPMENT =
            org.rootposture.lab.fixture.OrganizationalUnit.of("ou-test-dev00001", "Development");
    private static final org.rootposture.lab.fixture.OrganizationalUnit PAYMENTS = PRODUCTION.child("ou-test-pay00001", "Payments");
    private static final org.rootposture.lab.fixture.OrganizationalUnit CARDS = PAYMENTS.child("ou-test-card0001", "Cards");
    private static final org.rootposture.lab.fixture.OrganizationalUnit SANDBOX =
            org.rootposture.lab.fixture.OrganizationalUnit.of("ou-test-sbx00001", "Sandbox");

    /** Five OUs two levels deep under the root, six accounts in them. */
    static Fixture tree(Consumer<Organization.Builder> organization) {
        return Fixture.builder()
                .organization("o-test000001", "111111111111", org -> organization.accept(org.units(PRODUCTION, DEVELOPMENT, PAYMENTS, CARDS, SANDBOX)))
                .pageSize(2)
                .account("111111111111", account -> account.name("management").tag("env", "management"))
                .account("222222222222", account -> account.name("payments").parent(PAYMENTS).tag("env", "prod").tag("owner", "payments"))
                .account("333333333333", account -> account.name("dev-one").parent(DEVELOPMENT))
                .account("444444444444", account -> account.name("dev-two").parent(DEVELOPMENT).status(PENDING_CLOSURE))
                .account("555555555555", account -> account.name("dev-three").parent(DEVELOPMENT).status(SUSPENDED))
                .account("666666666666", account -> account.name("cards").parent(CARDS))
                .build();
    }

    private final Lab lab = Lab.start(tree(org -> org.rootId("r-test")));
    private final LabClients clients = new LabClients(lab);
    private final OrganizationsClient organizations = clients.organizations();

    @AfterEach
    void close() {
        clients.close();
        lab.close();
    }

    @Test
    void theOneRootHasItsIdArnAndScpsEnabled() {
        List<Root> roots = organizations.listRootsPaginator(request -> { }).stream().flatMap(page -> page.roots().stream()).toList();

        assertThat(roots).singleElement().satisfies(root -> {
            assertThat(root.id()).isEqualTo("r-test");
            assertThat(root.arn()).isEqualTo("arn:aws:organizations::111111111111:root/o-test000001/r-test");
            assertThat(root.name()).isEqualTo("Root");
            assertThat(root.policyTypes()).singleElement().satisfies(type -> {
                assertThat(type.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
                assertThat(type.statusAsString()).isEqualTo("ENABLED");
            });
        });
    }

    @Test
    void withoutARootIdTheRootIdIsDerivedFromTheOrganizationId() {
        try (Lab plain = Lab.start(Fixtures.organization()); LabClients plainClients = new LabClients(plain)) {
            String rootId = plainClients.organizations().listRoots().roots().get(0).id();

            assertThat(rootId).matches("r-[a-z]{4}").isEqualTo(plain.fixture().organization().rootId());
            assertThat(tree(org -> { }).organization().rootId()).isEqualTo(rootId);
            assertThat(plainClients.organizations().listAccountsForParent(request -> request.parentId(rootId)).accounts())
                    .extracting(Account::id).containsExactly("111111111111", "222222222222");
        }
    }

    @Test
    void organizationalUnitsArePagedPerParentAndNest() {
        List<OrganizationalUnit> top = organizations.listOrganizationalUnitsForParentPaginator(request -> request.parentId("r-test"))
                .stream().flatMap(page -> page.organizationalUnits().stream()).toList();

        assertThat(top).extracting(OrganizationalUnit::name).containsExactly("Production", "Development", "Sandbox");
        assertThat(lab.calls().get("111111111111")).containsEntry("organizations:ListOrganizationalUnitsForParent", 2);
        assertThat(top.get(0).arn()).isEqualTo("arn:aws:organizations::111111111111:ou/o-test000001/ou-test-prod0001");
        assertThat(organizations.listOrganizationalUnitsForParent(request -> request.parentId("ou-test-prod0001")).organizationalUnits())
                .extracting(OrganizationalUnit::id).containsExactly("ou-test-pay00001");
        assertThat(organizations.listOrganizationalUnitsForParent(request -> request.parentId("ou-test-pay00001")).organizationalUnits())
                .extracting(OrganizationalUnit::id).containsExactly("ou-test-card0001");
        assertThat(organizations.listOrganizationalUnitsForParent(request -> request.parentId("ou-test-dev00001")).organizationalUnits()).isEmpty();
    }

    @Test
    void anOrganizationalUnitIsDescribed() {
        OrganizationalUnit unit = organizations.describeOrganizationalUnit(request -> request.organizationalUnitId("ou-test-card0001"))
                .organizationalUnit();

        assertThat(unit.id()).isEqualTo("ou-test-card0001");
        assertThat(unit.name()).isEqualTo("Cards");
        assertThat(unit.arn()).isEqualTo("arn:aws:organizations::111111111111:ou/o-test000001/ou-test-card0001");
        assertThatThrownBy(() -> organizations.describeOrganizationalUnit(request -> request.organizationalUnitId("ou-test-nope0001")))
                .isInstanceOfSatisfying(OrganizationalUnitNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OrganizationalUnitNotFoundException");
                });
    }

    @Test
    void everyAccountAndOuHasExactlyOneParent() {
        assertThat(parents("222222222222")).singleElement().satisfies(parent -> {
            assertThat(parent.id()).isEqualTo("ou-test-pay00001");
            assertThat(parent.type()).isEqualTo(ParentType.ORGANIZATIONAL_UNIT);
        });
        assertThat(parents("111111111111")).singleElement().satisfies(parent -> {
            assertThat(parent.id()).isEqualTo("r-test");
            assertThat(parent.type()).isEqualTo(ParentType.ROOT);
        });
        assertThat(parents("ou-test-card0001")).extracting(Parent::id).containsExactly("ou-test-pay00001");
        assertThat(parents("ou-test-prod0001")).extracting(Parent::type).containsExactly(ParentType.ROOT);
        assertThatThrownBy(() -> parents("999999999999")).isInstanceOfSatisfying(ChildNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ChildNotFoundException");
        });
        assertThatThrownBy(() -> parents("r-test")).isInstanceOf(ChildNotFoundException.class);
    }

    @Test
    void childrenAreListedByType() {
        List<Child> accounts = organizations.listChildrenPaginator(request -> request.parentId("ou-test-dev00001").childType(ChildType.ACCOUNT))
                .stream().flatMap(page -> page.children().stream()).toList();
        List<Child> units = organizations.listChildrenPaginator(request -> request.parentId("r-test").childType(ChildType.ORGANIZATIONAL_UNIT))
                .stream().flatMap(page -> page.children().stream()).toList();

        assertThat(accounts).extracting(Child::id).containsExactly("333333333333", "444444444444", "555555555555");
        assertThat(accounts).extracting(Child::type).containsOnly(ChildType.ACCOUNT);
        assertThat(units).extracting(Child::id).containsExactly("ou-test-prod0001", "ou-test-dev00001", "ou-test-sbx00001");
        assertThat(units).extracting(Child::type).containsOnly(ChildType.ORGANIZATIONAL_UNIT);
        assertThat(organizations.listChildren(request -> request.parentId("r-test").childType(ChildType.ACCOUNT)).children())
                .extracting(Child::id).containsExactly("111111111111");
        assertThat(organizations.listChildren(request -> request.parentId("ou-test-sbx00001").childType(ChildType.ACCOUNT)).children()).isEmpty();
        assertThatThrownBy(() -> organizations.listChildren(request -> request.parentId("ou-test-nope0001").childType(ChildType.ACCOUNT)))
                .isInstanceOfSatisfying(ParentNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParentNotFoundException");
                });
        assertThatThrownBy(() -> organizations.listChildren(request -> request.parentId("r-test").childType("POLICY")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void accountsForAParentKeepTheirStatus() {
        List<Account> accounts = organizations.listAccountsForParentPaginator(request -> request.parentId("ou-test-dev00001"))
                .stream().flatMap(page -> page.accounts().stream()).toList();

        assertThat(accounts).extracting(Account::id).containsExactly("333333333333", "444444444444", "555555555555");
        assertThat(accounts).extracting(Account::statusAsString).containsExactly("ACTIVE", "PENDING_CLOSURE", "SUSPENDED");
        assertThat(accounts.get(0).arn()).isEqualTo("arn:aws:organizations::111111111111:account/o-test000001/333333333333");
        assertThat(organizations.listAccountsForParent(request -> request.parentId("ou-test-card0001")).accounts())
                .extracting(Account::name).containsExactly("cards");
        assertThat(organizations.listAccountsPaginator(request -> { }).stream().flatMap(page -> page.accounts().stream()).toList())
                .extracting(Account::statusAsString).contains("PENDING_CLOSURE", "SUSPENDED");
        assertThatThrownBy(() -> organizations.listAccountsForParent(request -> request.parentId("ou-test-nope0001")))
                .isInstanceOf(ParentNotFoundException.class);
    }

    @Test
    void accountTagsAreListed() {
        assertThat(organizations.listTagsForResourcePaginator(request -> request.resourceId("222222222222")).stream().flatMap(page -> page.tags().stream()).toList())
                .extracting(Tag::key, Tag::value)
                .containsExactly(tuple("env", "prod"), tuple("owner", "payments"));
        assertThat(organizations.listTagsForResource(request -> request.resourceId("333333333333")).tags()).isEmpty();
        assertThat(organizations.listTagsForResource(request -> request.resourceId("ou-test-prod0001")).tags()).isEmpty();
        assertThatThrownBy(() -> organizations.listTagsForResource(request -> request.resourceId("999999999999")))
                .isInstanceOfSatisfying(TargetNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetNotFoundException");
                });
    }

    @Test
    void aMemberAccountCannotReadTheStructure() {
        OrganizationsClient member = clients.organizations(LabClients.basic(lab.credentialsFor("222222222222")));

        assertThatThrownBy(member::listRoots).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        });
        assertThatThrownBy(() -> member.listParents(request -> request.childId("222222222222"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> member.listChildren(request -> request.parentId("r-test").childType(ChildType.ACCOUNT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> member.listTagsForResource(request -> request.resourceId("222222222222"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutAnOrganizationTheStructureIsNotInUse() {
        try (Lab single = Lab.start(Fixtures.single()); LabClients singleClients = new LabClients(single)) {
            assertThatThrownBy(() -> singleClients.organizations().listRoots()).isInstanceOfSatisfying(OrganizationsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWSOrganizationsNotInUseException"));
        }
    }

    private List<Parent> parents(String childId) {
        return organizations.listParentsPaginator(request -> request.childId(childId)).stream().flatMap(page -> page.parents().stream()).toList();
    }
}
