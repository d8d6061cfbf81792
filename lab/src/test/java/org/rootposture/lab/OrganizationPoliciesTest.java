package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.PolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;

class OrganizationPoliciesTest {

    private static final OrganizationalUnit PRODUCTION = OrganizationalUnit.of("ou-test-prod0001", "Production");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lab lab = Lab.start(policies(org -> { }));
    private final LabClients clients = new LabClients(lab);
    private final OrganizationsClient organizations = clients.organizations();

    @AfterEach
    void close() {
        clients.close();
        lab.close();
    }

    @Test
    void policiesAttachedDirectlyToATargetComeWithFullAwsAccessFirst() {
        assertThat(policiesFor("222222222222")).extracting(PolicySummary::id).containsExactly("p-FullAWSAccess", "p-denyroot01");
        assertThat(policiesFor("ou-test-prod0001")).extracting(PolicySummary::id).containsExactly("p-FullAWSAccess", "p-denyroot01");
        assertThat(policiesFor("r-test")).extracting(PolicySummary::id).containsExactly("p-FullAWSAccess", "p-broken0001");
        assertThat(policiesFor("111111111111")).extracting(PolicySummary::id).containsExactly("p-FullAWSAccess");
        assertThat(lab.calls().get("111111111111")).containsEntry("organizations:ListPoliciesForTarget", 4);
    }

    @Test
    void aPolicysTargetsArePagedWithTheirTypeAndName() {
        List<PolicyTargetSummary> targets = organizations.listTargetsForPolicyPaginator(request -> request.policyId("p-denyroot01")).stream()
                .flatMap(page -> page.targets().stream()).toList();

        assertThat(targets).extracting(PolicyTargetSummary::targetId, PolicyTargetSummary::typeAsString, PolicyTargetSummary::name)
                .containsExactly(tuple("ou-test-prod0001", "ORGANIZATIONAL_UNIT", "Production"), tuple("222222222222", "ACCOUNT", "member"));
        assertThat(organizations.listTargetsForPolicy(request -> request.policyId("p-FullAWSAccess")).targets()).hasSize(2)
                .first().extracting(PolicyTargetSummary::typeAsString).isEqualTo("ROOT");
        assertThat(organizations.listTargetsForPolicy(request -> request.policyId("p-detached01")).targets()).isEmpty();
        assertThatThrownBy(() -> organizations.listTargetsForPolicy(request -> request.policyId("p-nope00001")))
                .isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void aPolicySummaryTellsCustomerFromAwsManaged() {
        List<PolicySummary> policies = policiesFor("222222222222");

        assertThat(policies.get(0)).satisfies(full -> {
            assertThat(full.name()).isEqualTo("FullAWSAccess");
            assertThat(full.awsManaged()).isTrue();
            assertThat(full.arn()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
            assertThat(full.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
        });
        assertThat(policies.get(1)).satisfies(deny -> {
            assertThat(deny.name()).isEqualTo("DenyRootUser");
            assertThat(deny.description()).isEqualTo("No root");
            assertThat(deny.awsManaged()).isFalse();
            assertThat(deny.arn()).isEqualTo("arn:aws:organizations::111111111111:policy/o-test000001/service_control_policy/p-denyroot01");
        });
    }

    @Test
    void aPolicysContentIsAJsonString() throws Exception {
        Policy policy = organizations.describePolicy(request -> request.policyId("p-denyroot01")).policy();

        assertThat(policy.policySummary().name()).isEqualTo("DenyRootUser");
        JsonNode document = JSON.readTree(policy.content());
        assertThat(document.path("Statement").path(0).path("Effect").asText()).isEqualTo("Deny");
        assertThat(document.path("Statement").path(0).path("Condition").path("StringLike").path("aws:PrincipalArn").asText())
                .isEqualTo("arn:aws:iam::*:root");
        JsonNode full = JSON.readTree(organizations.describePolicy(request -> request.policyId("p-FullAWSAccess")).policy().content());
        assertThat(full.path("Statement").path(0).path("Effect").asText()).isEqualTo("Allow");
        assertThat(full.path("Statement").path(0).path("Action").asText()).isEqualTo("*");
        assertThat(full.path("Statement").path(0).path("Resource").asText()).isEqualTo("*");
    }

    @Test
    void rawContentTextIsServedAsItIs() {
        assertThat(organizations.describePolicy(request -> request.policyId("p-broken0001")).policy().content())
                .isEqualTo("{\"Version\": \"2012-10-17\", \"Statement\": [");
    }

    @Test
    void listPoliciesPagesThroughEveryScpAndOtherTypesAreEmpty() {
        List<PolicySummary> policies = organizations.listPoliciesPaginator(request -> request.filter(PolicyType.SERVICE_CONTROL_POLICY))
                .stream().flatMap(page -> page.policies().stream()).toList();

        assertThat(policies).extracting(PolicySummary::id).containsExactly("p-FullAWSAccess", "p-denyroot01", "p-broken0001", "p-detached01");
        assertThat(lab.calls().get("111111111111")).containsEntry("organizations:ListPolicies", 2);
        assertThat(organizations.listPolicies(request -> request.filter(PolicyType.TAG_POLICY)).policies()).isEmpty();
        assertThat(organizations.listPoliciesForTarget(request -> request.targetId("222222222222").filter(PolicyType.BACKUP_POLICY)).policies()).isEmpty();
        assertThatThrownBy(() -> organizations.listPolicies(request -> request.filter("NO_SUCH_POLICY"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> organizations.listPolicies(request -> { })).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withoutFullAwsAccessNothingIsAttachedByDefault() {
        try (Lab bare = Lab.start(policies(Organization.Builder::withoutFullAwsAccess));
             LabClients bareClients = new LabClients(bare)) {
            OrganizationsClient client = bareClients.organizations();

            assertThat(client.listPoliciesForTarget(request -> request.targetId("222222222222").filter(PolicyType.SERVICE_CONTROL_POLICY))
                    .policies()).extracting(PolicySummary::id).containsExactly("p-denyroot01");
            assertThat(client.listPoliciesForTarget(request -> request.targetId("111111111111").filter(PolicyType.SERVICE_CONTROL_POLICY))
                    .policies()).isEmpty();
            assertThat(client.describePolicy(request -> request.policyId("p-FullAWSAccess")).policy().policySummary().awsManaged()).isTrue();
        }
    }

    @Test
    void unknownPoliciesAndTargetsAreNotFound() {
        assertThatThrownBy(() -> organizations.describePolicy(request -> request.policyId("p-nosuch0001")))
                .isInstanceOfSatisfying(PolicyNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PolicyNotFoundException");
                });
        assertThatThrownBy(() -> policiesFor("ou-test-nope0001")).isInstanceOfSatisfying(TargetNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetNotFoundException");
        });
    }

    @Test
    void aMemberAccountCannotReadPolicies() {
        OrganizationsClient member = clients.organizations(LabClients.basic(lab.credentialsFor("222222222222")));

        assertThatThrownBy(() -> member.describePolicy(request -> request.policyId("p-denyroot01"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> member.listPoliciesForTarget(request -> request.targetId("222222222222").filter(PolicyType.SERVICE_CONTROL_POLICY)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<PolicySummary> policiesFor(String targetId) {
        return organizations.listPoliciesForTargetPaginator(request -> request.targetId(targetId).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .stream().flatMap(page -> page.policies().stream()).toList();
    }

    /** Three policies: one on an OU and an account, a broken one on the root, one attached nowhere. */
    private static Fixture policies(Consumer<Organization.Builder> organization) {
        return Fixture.builder()
                .organization("o-test000001", "111111111111", org -> organization.accept(org.rootId("r-test")
                        .policy("p-denyroot01", "DenyRootUser", """
                                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                                  "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]}""",
                                policy -> policy.description("No root").attachedTo(PRODUCTION).attachedToAccounts("222222222222"))
                        .rawPolicy("p-broken0001", "Broken", "{\"Version\": \"2012-10-17\", \"Statement\": [", policy -> policy.attachedToRoot())
                        .policy("p-detached01", "Detached", "{\"Version\": \"2012-10-17\", \"Statement\": []}", policy -> policy)))
                .pageSize(2)
                .account("111111111111", account -> account.name("management"))
                .account("222222222222", account -> account.name("member").parent(PRODUCTION))
                .build();
    }
}
