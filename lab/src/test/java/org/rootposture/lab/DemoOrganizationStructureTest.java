package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rootposture.lab.demo.DemoOrganization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sts.model.StsException;

/** The demo organization's structure, guardrails and centralized root access, as the management account sees them. */
class DemoOrganizationStructureTest {

    private static final String AUDIT = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Lab lab;
    private static LabClients clients;
    private static OrganizationsClient organizations;

    @BeforeAll
    static void start() {
        lab = Lab.start(DemoOrganization.fixture());
        clients = new LabClients(lab);
        organizations = clients.organizations();
    }

    @AfterAll
    static void stop() {
        clients.close();
        lab.close();
    }

    @Test
    void fourOusHangUnderTheRootWithPaymentsInsideProduction() {
        assertThat(organizations.listRoots().roots()).singleElement().satisfies(root -> assertThat(root.id()).isEqualTo("r-demo"));
        assertThat(units("r-demo")).containsExactly(entry("ou-demo-prod0001", "Production"), entry("ou-demo-dev00001", "Development"),
                entry("ou-demo-sec00001", "Security"));
        assertThat(units("ou-demo-prod0001")).containsExactly(entry("ou-demo-pay00001", "Payments"));
        assertThat(units("ou-demo-pay00001")).isEmpty();
        assertThat(units("ou-demo-dev00001")).isEmpty();
        assertThat(units("ou-demo-sec00001")).isEmpty();
    }

    @Test
    void everyAccountSitsInItsOu() {
        assertThat(accountsIn("r-demo")).containsExactly("111111111111", "141414141414");
        assertThat(accountsIn("ou-demo-prod0001")).containsExactly("555555555555", "666666666666");
        assertThat(accountsIn("ou-demo-pay00001")).containsExactly("222222222222");
        assertThat(accountsIn("ou-demo-dev00001")).containsExactly("333333333333", "444444444444", "121212121212", "131313131313");
        assertThat(accountsIn("ou-demo-sec00001")).containsExactly("777777777777", "888888888888");
        assertThat(ancestors("222222222222")).containsExactly("ou-demo-pay00001", "ou-demo-prod0001", "r-demo");
    }

    @Test
    void theScpsThatReachEachAccountThroughItsOus() {
        Set<String> base = Set.of("FullAWSAccess", "DenyLeavingOrganization");
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (String id : List.of("111111111111", "333333333333", "121212121212", "131313131313", "141414141414")) {
            expected.put(id, base);
        }
        for (String id : List.of("222222222222", "555555555555", "666666666666")) {
            expected.put(id, with(base, "DenyRootUser"));
        }
        expected.put("444444444444", with(base, "DenyRootExceptBilling"));
        expected.put("777777777777", with(base, "DenyRootWithoutMfa"));
        expected.put("888888888888", with(base, "DenyRootWithoutMfa"));

        Map<String, Set<String>> reaching = new LinkedHashMap<>();
        for (Account account : allAccounts()) {
            Set<String> names = new TreeSet<>();
            List<String> targets = new ArrayList<>(ancestors(account.id()));
            targets.add(0, account.id());
            targets.forEach(target -> policiesFor(target).forEach(policy -> names.add(policy.name())));
            reaching.put(account.id(), names);
        }

        assertThat(reaching).hasSize(11).isEqualTo(expected);
        assertThat(policiesFor("ou-demo-dev00001")).extracting(PolicySummary::name).containsExactly("FullAWSAccess");
        assertThat(policiesFor("444444444444")).extracting(PolicySummary::name).containsExactly("FullAWSAccess", "DenyRootExceptBilling");
    }

    @Test
    void theGuardrailsSayWhatTheirNamesPromise() throws Exception {
        JsonNode denyRoot = statement("DenyRootUser");
        assertThat(denyRoot.path("Effect").asText()).isEqualTo("Deny");
        assertThat(denyRoot.path("Action").asText()).isEqualTo("*");
        assertThat(denyRoot.path("Condition").path("StringLike").path("aws:PrincipalArn").asText()).isEqualTo("arn:aws:iam::*:root");

        JsonNode withoutMfa = statement("DenyRootWithoutMfa");
        assertThat(withoutMfa.path("Condition").path("ArnLike").path("aws:PrincipalArn").asText()).isEqualTo("arn:aws:iam::*:root");
        assertThat(withoutMfa.path("Condition").path("BoolIfExists").path("aws:MultiFactorAuthPresent").asText()).isEqualTo("false");

        JsonNode leaving = statement("DenyLeavingOrganization");
        assertThat(leaving.path("Action").asText()).isEqualTo("organizations:LeaveOrganization");
        assertThat(leaving.has("Condition")).isFalse();

        JsonNode exceptBilling = statement("DenyRootExceptBilling");
        assertThat(exceptBilling.has("Action")).isFalse();
        assertThat(exceptBilling.path("NotAction")).extracting(JsonNode::asText).containsExactly("aws-portal:*", "account:*");
        assertThat(exceptBilling.path("Condition").path("StringLike").path("aws:PrincipalArn").asText()).isEqualTo("arn:aws:iam::*:root");
    }

    @Test
    void accountsAreTaggedWithTheirEnvironmentAndOwner() {
        assertThat(tags("222222222222")).containsEntry("env", "prod").containsEntry("owner", "payments");
        assertThat(tags("333333333333")).containsEntry("env", "dev");
        assertThat(tags("777777777777")).containsEntry("env", "security");
        for (Account account : allAccounts()) {
            assertThat(tags(account.id())).containsKeys("env", "owner");
        }
    }

    @Test
    void oneAccountIsSuspendedAndTwoCannotBeAssumed() {
        Map<String, String> statuses = new LinkedHashMap<>();
        allAccounts().forEach(account -> statuses.put(account.name(), account.statusAsString()));

        assertThat(statuses).containsEntry("closed-experiment", "SUSPENDED").containsEntry("vendor-sandbox", "ACTIVE")
                .containsEntry("shared-services", "ACTIVE");
        assertThat(statuses.values()).filteredOn("SUSPENDED"::equals).hasSize(1);
        for (String id : List.of("121212121212", "131313131313")) {
            assertThatThrownBy(() -> clients.sts().assumeRole(request -> request.roleArn("arn:aws:iam::" + id + ":role/RootPostureAudit")
                    .roleSessionName("root-posture"))).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        assertThatThrownBy(() -> rootIam("121212121212")).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).contains("SUSPENDED"));
        assertThat(rootIam("131313131313").getLoginProfile(request -> { }).loginProfile()).isNotNull();
    }

    @Test
    void centralizedRootAccessIsEnabledForTheWholeOrganization() {
        assertThat(clients.iam().listOrganizationsFeatures(request -> { }).enabledFeatures())
                .containsExactlyInAnyOrder(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);
        assertThatThrownBy(() -> rootIam("111111111111")).isInstanceOf(StsException.class);
    }

    @Test
    void everyActiveMembersRootCredentialsAgreeWithItsAccountSummary() {
        for (Account account : allAccounts()) {
            if (account.id().equals("111111111111") || !account.statusAsString().equals("ACTIVE")) {
                continue;
            }
            Map<String, Integer> summary = lab.fixture().account(account.id()).orElseThrow().accountSummary();
            IamClient root = rootIam(account.id());
            boolean password = hasLoginProfile(root);
            List<AccessKeyMetadata> keys = root.listAccessKeysPaginator(request -> { }).accessKeyMetadata().stream().toList();
            List<MFADevice> devices = root.listMFADevicesPaginator(request -> { }).mfaDevices().stream().toList();
            List<SigningCertificate> certificates = root.listSigningCertificatesPaginator(request -> { }).certificates().stream().toList();

            assertThat(password).as("password of %s", account.name()).isEqualTo(summary.get("AccountPasswordPresent") == 1);
            assertThat(!keys.isEmpty()).as("access keys of %s", account.name()).isEqualTo(summary.get("AccountAccessKeysPresent") == 1);
            assertThat(!devices.isEmpty()).as("MFA of %s", account.name()).isEqualTo(summary.get("AccountMFAEnabled") == 1);
            assertThat(!certificates.isEmpty()).as("certificates of %s", account.name())
                    .isEqualTo(summary.get("AccountSigningCertificatesPresent") == 1);
            assertThat(keys).extracting(AccessKeyMetadata::accessKeyId).allMatch(id -> id.startsWith("AKIALABROOT") && id.length() == 20);
        }
    }

    @Test
    void theRootCredentialQuirksOfTheMembers() {
        IamClient legacy = rootIam("444444444444");
        assertThat(legacy.listAccessKeys().accessKeyMetadata()).singleElement().satisfies(key -> {
            assertThat(key.accessKeyId()).isEqualTo("AKIALABROOT444400001");
            assertThat(key.status()).isEqualTo(StatusType.INACTIVE);
        });
        assertThat(rootIam("777777777777").listSigningCertificates().certificates()).singleElement()
                .satisfies(certificate -> assertThat(certificate.status()).isEqualTo(StatusType.ACTIVE));
        assertThat(rootIam("222222222222").listMFADevices().mfaDevices()).extracting(MFADevice::serialNumber)
                .containsExactly("arn:aws:iam::222222222222:mfa/payments-break-glass");
        assertThat(rootIam("555555555555").listMFADevices().mfaDevices()).extracting(MFADevice::serialNumber).singleElement()
                .satisfies(serial -> assertThat(serial).matches("GAHT\\d{8}"));
        assertThat(rootIam("141414141414").listMFADevices().mfaDevices()).extracting(MFADevice::serialNumber).singleElement()
                .satisfies(serial -> assertThat(serial).startsWith("arn:aws:iam::141414141414:u2f/root/"));
        IamClient shared = rootIam("666666666666");
        assertThat(hasLoginProfile(shared)).isFalse();
        assertThat(shared.listAccessKeys().accessKeyMetadata()).isEmpty();
        assertThat(shared.listMFADevices().mfaDevices()).isEmpty();
        assertThat(shared.listSigningCertificates().certificates()).isEmpty();
    }

    private static Map<String, String> units(String parentId) {
        Map<String, String> units = new LinkedHashMap<>();
        organizations.listOrganizationalUnitsForParentPaginator(request -> request.parentId(parentId)).stream()
                .flatMap(page -> page.organizationalUnits().stream()).forEach(unit -> units.put(unit.id(), unit.name()));
        return units;
    }

    private static List<String> accountsIn(String parentId) {
        List<String> viaChildren = organizations.listChildrenPaginator(request -> request.parentId(parentId).childType(ChildType.ACCOUNT)).stream()
                .flatMap(page -> page.children().stream()).map(child -> child.id()).toList();
        List<String> viaAccounts = organizations.listAccountsForParentPaginator(request -> request.parentId(parentId)).stream()
                .flatMap(page -> page.accounts().stream()).map(Account::id).toList();
        assertThat(viaAccounts).isEqualTo(viaChildren);
        return viaChildren;
    }

    private static List<String> ancestors(String id) {
        List<String> ancestors = new ArrayList<>();
        String child = id;
        while (!child.startsWith("r-")) {
            String current = child;
            Parent parent = organizations.listParents(request -> request.childId(current)).parents().get(0);
            ancestors.add(parent.id());
            child = parent.id();
        }
        return ancestors;
    }

    private static List<Account> allAccounts() {
        return organizations.listAccountsPaginator(request -> { }).stream().flatMap(page -> page.accounts().stream()).toList();
    }

    private static List<PolicySummary> policiesFor(String target) {
        return organizations.listPoliciesForTargetPaginator(request -> request.targetId(target).filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                .flatMap(page -> page.policies().stream()).toList();
    }

    private static JsonNode statement(String policyName) throws Exception {
        PolicySummary summary = organizations.listPolicies(request -> request.filter(PolicyType.SERVICE_CONTROL_POLICY)).policies().stream()
                .filter(policy -> policy.name().equals(policyName)).findFirst().orElseThrow();
        JsonNode document = JSON.readTree(organizations.describePolicy(request -> request.policyId(summary.id())).policy().content());
        assertThat(document.path("Statement")).hasSize(1);
        return document.path("Statement").path(0);
    }

    private static Map<String, String> tags(String accountId) {
        Map<String, String> tags = new LinkedHashMap<>();
        organizations.listTagsForResource(request -> request.resourceId(accountId)).tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    private static Set<String> with(Set<String> base, String name) {
        Set<String> names = new TreeSet<>(base);
        names.add(name);
        return names;
    }

    private static IamClient rootIam(String accountId) {
        return clients.iam(RootAccessTest.session(clients.sts().assumeRoot(request -> request.targetPrincipal(accountId)
                .taskPolicyArn(policy -> policy.arn(AUDIT)))));
    }

    private static boolean hasLoginProfile(IamClient root) {
        try {
            root.getLoginProfile(request -> { });
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }
}
