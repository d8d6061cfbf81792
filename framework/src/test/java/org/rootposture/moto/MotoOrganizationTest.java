package org.rootposture.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.RootEmail;
import org.rootposture.evidence.ScpChain;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.controls.BeyondCisControls;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.OrganizationControls;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.ScpAssessment;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.directory.OrganizationDirectory;
import org.rootposture.internal.evidence.EvidenceOptions;
import org.rootposture.internal.evidence.LiveAccountEvidence;
import org.rootposture.internal.evidence.LiveOrganization;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Sessions;
import org.rootposture.internal.targets.Target;
import org.rootposture.internal.targets.TargetResolver;
import org.rootposture.internal.targets.Targets;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsException;
import org.rootposture.settings.SettingsReader;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The organization side of the framework (organization targets and their filters, SCP chains, the guardrail
 * controls) against a moto organization built through the real SDK over HTTP:
 *
 * <pre>
 * root r-…                         FullAWSAccess
 * ├── OU Workloads
 * │   └── OU Prod                  DenyRoot (full root deny)
 * │       ├── prod-a  env=prod
 * │       └── prod-b  env=prod
 * ├── OU Sandbox                   DenyRootWithoutMfa
 * │   ├── sandbox     env=sandbox
 * │   └── retired     env=prod     closed: SUSPENDED
 * ├── legacy          env=legacy   DenyLeaveOrganization (near miss, attached to the account itself)
 * └── management 123456789012 ("master")
 * </pre>
 *
 * moto serves no {@code iam:ListOrganizationsFeatures}; the assertions state what the framework must make of that.
 */
class MotoOrganizationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String MANAGEMENT = "123456789012";
    private static final String ACCESS_KEY = "AKIAMOTOTESTING00002";
    private static final String SECRET_KEY = "moto-test-secret";
    private static final String ROLE = "OrganizationAccountAccessRole";
    private static final Map<String, String> SAVED = new HashMap<>();

    private static final String DENY_ROOT = """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyRootUser","Effect":"Deny","Action":"*","Resource":"*",
             "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]}""";
    private static final String DENY_ROOT_WITHOUT_MFA = """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyRootWithoutMfa","Effect":"Deny","Action":"*","Resource":"*",
             "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}""";
    private static final String DENY_LEAVE_ORGANIZATION = """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyRootLeavingTheOrganization","Effect":"Deny",
             "Action":"organizations:LeaveOrganization","Resource":"*",
             "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]}""";

    private static OrganizationsClient seedOrganizations;

    private Lab lab;
    private Sessions sessions;

    /** What the seeding created; moto assigns every id. */
    private record Lab(String rootId, String workloads, String prod, String sandbox,
                       String prodA, String prodB, String sandboxAccount, String retired, String legacy,
                       String denyRoot, String denyRootWithoutMfa, String denyLeave) {
    }

    @BeforeAll
    static void credentialsAndSeedClient() {
        setProperty("aws.accessKeyId", ACCESS_KEY);
        setProperty("aws.secretAccessKey", SECRET_KEY);
        seedOrganizations = OrganizationsClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void restoreProperties() {
        if (seedOrganizations != null) {
            seedOrganizations.close();
        }
        SAVED.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        SAVED.clear();
    }

    @BeforeEach
    void freshOrganization() {
        MOTO.reset();
        lab = seed();
        sessions = new Sessions(settings(Map.of()));
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    // ---------------------------------------------------------------- targets

    @Test
    void theRootEmailComesFromTheOrganizationsAccountListAndIsJudgedAgainstTheDomains() {
        String contractor = seedOrganizations.createAccount(request -> request.accountName("contractor").email("pat.contractor@gmail.com"))
                .createAccountStatus().accountId();
        LiveOrganization organization = organization();

        Verdict personal = BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN.evaluate(memberEvidence(contractor, organization), context());
        assertThat(personal.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(personal.reason()).startsWith("The root user's e-mail address is at a personal mail provider.\n"
                + "p*************@gmail.com is a mailbox at gmail.com");

        Verdict onDomain = BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN.evaluate(memberEvidence(lab.prodA(), organization),
                context().withRootEmailDomains(List.of("acme.com", "example.com")));
        assertThat(onDomain.reason()).isEqualTo("The root user's e-mail address is on one of the organization's mail domains.\n"
                + "p*****@example.com is on example.com, one of acme.com, example.com (rootposture.root-email-domains).");
        assertThat(onDomain.evidence()).singleElement().isInstanceOfSatisfying(RootEmail.class,
                email -> assertThat(email.provenance().calls()).containsExactly("organizations:ListAccounts"));

        Verdict offDomain = BeyondCisControls.ROOT_EMAIL_CORPORATE_DOMAIN.evaluate(callerEvidence(organization),
                context().withRootEmailDomains(List.of("acme.com")));
        assertThat(offDomain.outcome()).as("the management account's root mailbox counts too").isEqualTo(Outcome.FAIL);
    }

    @Test
    void organizationTargetsAreEveryActiveAccountSortedByIdWithTheMemberRole() {
        Targets targets = resolve(Map.of());

        assertThat(targets.partition()).isEqualTo("aws");
        assertThat(targets.callerAccountId()).isEqualTo(MANAGEMENT);
        List<Target> expected = Stream.of(
                        new Target(MANAGEMENT, Optional.of("master"), Optional.empty()),
                        member(lab.prodA(), "prod-a"),
                        member(lab.prodB(), "prod-b"),
                        member(lab.sandboxAccount(), "sandbox"),
                        member(lab.legacy(), "legacy"))
                .sorted(Comparator.comparing(Target::accountId))
                .toList();
        assertThat(targets.accounts()).containsExactlyElementsOf(expected);
        assertThat(targets.accounts()).extracting(Target::accountId).isSorted().doesNotContain(lab.retired());
        assertThat(targets.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.target()).isEqualTo(member(lab.retired(), "retired"));
            assertThat(skipped.reason()).isEqualTo(
                    "the account is SUSPENDED in the organization, so it cannot be checked (organizations:ListAccounts)");
        });
    }

    @Test
    void includingAnOuIncludesTheAccountsOfItsNestedOus() {
        Targets targets = resolve(Map.of("rootposture.include-ous", lab.workloads()));

        assertThat(targets.accounts()).extracting(Target::accountId).containsExactlyElementsOf(sorted(lab.prodA(), lab.prodB()));
        assertThat(targets.skipped()).as("the suspended account sits in Sandbox, outside Workloads").isEmpty();
    }

    @Test
    void excludingAnOuDropsItsNestedAccountsAndKeepsTheRest() {
        Targets targets = resolve(Map.of("rootposture.exclude-ous", lab.workloads()));

        assertThat(targets.accounts()).extracting(Target::accountId)
                .containsExactlyElementsOf(sorted(MANAGEMENT, lab.sandboxAccount(), lab.legacy()));
        assertThat(targets.skipped()).extracting(skipped -> skipped.target().accountId()).containsExactly(lab.retired());
    }

    @Test
    void includingATagKeepsTheAccountsCarryingItAndTheSuspendedOneIsStillListedAsSkipped() {
        Targets targets = resolve(Map.of("rootposture.include-tags", "env=prod"));

        assertThat(targets.accounts()).extracting(Target::accountId).containsExactlyElementsOf(sorted(lab.prodA(), lab.prodB()));
        assertThat(targets.skipped()).extracting(skipped -> skipped.target().accountId()).containsExactly(lab.retired());
    }

    @Test
    void accountIdFiltersIncludeAndExclude() {
        assertThat(resolve(Map.of("rootposture.include-accounts", lab.sandboxAccount() + "," + lab.legacy())).accounts())
                .extracting(Target::accountId).containsExactlyElementsOf(sorted(lab.sandboxAccount(), lab.legacy()));

        Targets withoutManagement = resolve(Map.of("rootposture.exclude-accounts", MANAGEMENT, "rootposture.exclude-tags", "env=legacy"));
        assertThat(withoutManagement.accounts()).extracting(Target::accountId)
                .containsExactlyElementsOf(sorted(lab.prodA(), lab.prodB(), lab.sandboxAccount()));
        assertThat(withoutManagement.accounts()).allSatisfy(target -> assertThat(target.roleArn()).isPresent());
    }

    @Test
    void aFilterThatKeepsNoAccountSaysWhy() {
        // Sandbox holds sandbox (env=sandbox) and retired (env=prod, but SUSPENDED): no ACTIVE account passes both.
        Settings nothing = settings(Map.of("rootposture.targets", "organization",
                "rootposture.include-ous", lab.sandbox(), "rootposture.include-tags", "env=prod"));

        assertThatThrownBy(() -> new TargetResolver(nothing, sessions.caller(), new OrganizationDirectory(sessions.caller())).resolve())
                .isInstanceOf(SettingsException.class)
                .hasMessage("No account to check: the organization has 5 active accounts and none of them passes rootposture.include-ous="
                        + lab.sandbox() + " and rootposture.include-tags=env=prod.");
    }

    // ---------------------------------------------------------------- SCP guardrails

    @Test
    void aFullRootDenyOnTheNestedProdOuPassesBothScpControlsAndNamesTheChain() {
        LiveOrganization organization = organization();
        LiveAccountEvidence prodA = memberEvidence(lab.prodA(), organization);
        String chain = "root " + lab.rootId() + " → OU Workloads (" + lab.workloads() + ") → OU Prod (" + lab.prod() + ") → account " + lab.prodA();
        String denial = "An SCP in effect denies every action by the root user.\nDenied by DenyRoot (" + lab.denyRoot() + ") at OU Prod ("
                + lab.prod() + "), statement 'DenyRootUser': "
                + "Deny * on every resource for aws:PrincipalArn StringLike arn:aws:iam::*:root. Chain: " + chain + ".";

        Verdict rootDenied = OrganizationControls.SCP_DENIES_ROOT.evaluate(prodA, context());
        assertThat(rootDenied.outcome()).isEqualTo(Outcome.PASS);
        assertThat(rootDenied.reason()).isEqualTo(denial);
        assertThat(rootDenied.evidence()).hasSize(2).first().isInstanceOfSatisfying(ScpAssessment.class, assessment -> {
            assertThat(assessment.chain()).isEqualTo(chain);
            assertThat(assessment.findings()).extracting(ScpAssessment.Finding::policyName)
                    .as("moto, like AWS, attaches FullAWSAccess to every new OU and account; RCPFullAWSAccess is no SCP")
                    .containsExactly("FullAWSAccess", "FullAWSAccess", "FullAWSAccess", "DenyRoot", "FullAWSAccess");
        });
        assertThat(prodA.serviceControlPolicies().levels()).extracting(ScpChain.Level::type, ScpChain.Level::targetId, ScpChain.Level::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ROOT", lab.rootId(), "Root"),
                        org.assertj.core.groups.Tuple.tuple("ORGANIZATIONAL_UNIT", lab.workloads(), "Workloads"),
                        org.assertj.core.groups.Tuple.tuple("ORGANIZATIONAL_UNIT", lab.prod(), "Prod"),
                        org.assertj.core.groups.Tuple.tuple("ACCOUNT", lab.prodA(), lab.prodA()));

        Verdict rootMfa = OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(prodA, context());
        assertThat(rootMfa.outcome()).as("a full root deny is stronger than the MFA-conditional one").isEqualTo(Outcome.PASS);
        assertThat(rootMfa.reason()).isEqualTo(denial);
    }

    @Test
    void theMfaConditionalDenyOnSandboxFailsRootDeniedAndPassesRootMfa() {
        LiveAccountEvidence sandbox = memberEvidence(lab.sandboxAccount(), organization());
        String chain = "root " + lab.rootId() + " → OU Sandbox (" + lab.sandbox() + ") → account " + lab.sandboxAccount();

        Verdict rootDenied = OrganizationControls.SCP_DENIES_ROOT.evaluate(sandbox, context());
        assertThat(rootDenied.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rootDenied.reason())
                .startsWith("No SCP in effect denies every action by the root user.\nChain: " + chain + ". 4 statement(s) considered: ")
                .contains("DenyRootWithoutMfa (" + lab.denyRootWithoutMfa() + ") at OU Sandbox (" + lab.sandbox() + "), statement 'DenyRootWithoutMfa': "
                        + "Deny * on every resource for aws:PrincipalArn StringLike arn:aws:iam::*:root when BoolIfExists aws:MultiFactorAuthPresent is false")
                .contains("FullAWSAccess (p-FullAWSAccess) at the organization root (" + lab.rootId() + "), statement #1: it allows (Allow), it does not deny");

        Verdict rootMfa = OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(sandbox, context());
        assertThat(rootMfa.outcome()).isEqualTo(Outcome.PASS);
        assertThat(rootMfa.reason()).isEqualTo("An SCP in effect denies the root user's actions without MFA.\nDenied by DenyRootWithoutMfa ("
                + lab.denyRootWithoutMfa() + ") at OU Sandbox (" + lab.sandbox() + "), statement 'DenyRootWithoutMfa': Deny * on every resource for "
                + "aws:PrincipalArn StringLike arn:aws:iam::*:root when BoolIfExists aws:MultiFactorAuthPresent is false. Chain: " + chain + ".");
    }

    @Test
    void aNearMissAttachedToTheAccountFailsBothAndSaysWhatItDenies() {
        LiveAccountEvidence legacy = memberEvidence(lab.legacy(), organization());
        String chain = "root " + lab.rootId() + " → account " + lab.legacy();
        String nearMiss = "DenyLeaveOrganization (" + lab.denyLeave() + ") at the account, statement 'DenyRootLeavingTheOrganization': "
                + "it denies only [organizations:LeaveOrganization]";

        Verdict rootDenied = OrganizationControls.SCP_DENIES_ROOT.evaluate(legacy, context());
        assertThat(rootDenied.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rootDenied.reason()).startsWith("No SCP in effect denies every action by the root user.\nChain: " + chain + ". ").contains(nearMiss);

        Verdict rootMfa = OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(legacy, context());
        assertThat(rootMfa.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rootMfa.reason()).startsWith("No SCP in effect denies the root user's actions without MFA.\nChain: " + chain + ". ").contains(nearMiss);
    }

    @Test
    void boolOnMultiFactorAuthPresentFailsTheMfaVariantAndBoolIfExistsPassesIt() {
        String bool = policy("DenyRootWithoutMfaBool", DENY_ROOT_WITHOUT_MFA.replace("BoolIfExists", "Bool"), lab.legacy());
        Verdict withBool = OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(memberEvidence(lab.legacy(), organization()), context());
        assertThat(withBool.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(withBool.reason()).startsWith("An SCP denies the root user without MFA with the Bool operator, which requests signed with root "
                        + "access keys pass.\nDenyRootWithoutMfaBool (" + bool + ") at the account, statement 'DenyRootWithoutMfa': Deny * on every "
                        + "resource for aws:PrincipalArn StringLike arn:aws:iam::*:root only when Bool aws:MultiFactorAuthPresent is false")
                .contains("Write BoolIfExists aws:MultiFactorAuthPresent \"false\" instead, or deny root outright. Chain: root ");

        seedOrganizations.detachPolicy(request -> request.policyId(bool).targetId(lab.legacy()));
        policy("DenyRootWithoutMfaBoolIfExists", DENY_ROOT_WITHOUT_MFA, lab.legacy());
        Verdict withBoolIfExists = OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(memberEvidence(lab.legacy(), organization()), context());
        assertThat(withBoolIfExists.outcome()).isEqualTo(Outcome.PASS);
        assertThat(withBoolIfExists.reason()).startsWith("An SCP in effect denies the root user's actions without MFA.\n");
    }

    @Test
    void scpsNeverApplyToTheManagementAccount() {
        LiveAccountEvidence management = callerEvidence(organization());

        for (var control : List.of(OrganizationControls.SCP_DENIES_ROOT, OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA)) {
            Verdict verdict = control.evaluate(management, context());
            assertThat(verdict.outcome()).as(control.definition().id()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.reason()).startsWith("SCPs never apply to the management account.\nThis is the management account " + MANAGEMENT + " ");
        }
    }

    @Test
    void theSharedOrganizationReadsOuNamesAndOuPoliciesOnceForAllAccountsOfTheOu() {
        LiveOrganization shared = organization();
        String prodChainOf = "root " + lab.rootId() + " → OU Workloads (" + lab.workloads() + ") → OU Prod (" + lab.prod() + ") → account ";
        assertThat(OrganizationControls.SCP_DENIES_ROOT.evaluate(memberEvidence(lab.prodA(), shared), context()).reason())
                .endsWith("Chain: " + prodChainOf + lab.prodA() + ".");

        // Change the Prod OU behind the shared view's back: rename it and take its root deny away.
        seedOrganizations.updateOrganizationalUnit(request -> request.organizationalUnitId(lab.prod()).name("Production"));
        seedOrganizations.detachPolicy(request -> request.policyId(lab.denyRoot()).targetId(lab.prod()));

        Verdict prodB = OrganizationControls.SCP_DENIES_ROOT.evaluate(memberEvidence(lab.prodB(), shared), context());
        assertThat(prodB.outcome()).as("Prod's policy list was read once, for prod-a").isEqualTo(Outcome.PASS);
        assertThat(prodB.reason()).as("prod-b's own parent is read, Prod's name is not read again")
                .endsWith("Chain: " + prodChainOf + lab.prodB() + ".");

        Verdict fresh = OrganizationControls.SCP_DENIES_ROOT.evaluate(memberEvidence(lab.prodB(), organization()), context());
        assertThat(fresh.outcome()).as("a new organization view reads moto again and sees the change").isEqualTo(Outcome.FAIL);
        assertThat(fresh.reason()).startsWith("No SCP in effect denies every action by the root user.\nChain: root " + lab.rootId() + " → OU Workloads ("
                + lab.workloads() + ") → OU Production (" + lab.prod() + ") → account " + lab.prodB() + ".");
    }

    @Test
    void memberEvidenceUsesTheResolvedRoleAssumedIntoTheMemberAccount() {
        Target prodA = resolve(Map.of("rootposture.include-accounts", lab.prodA())).accounts().get(0);
        String roleArn = prodA.roleArn().orElseThrow();
        AwsClients member = sessions.account(prodA.accountId(), prodA.roleArn());

        assertThat(member.client(StsClient.class).getCallerIdentity().arn())
                .startsWith("arn:aws:sts::" + lab.prodA() + ":assumed-role/" + ROLE + "/");
        try (IamClient seedIam = seedIamIn(roleArn)) {
            assertThat(seedIam.getRole(request -> request.roleName(ROLE)).role().arn())
                    .as("moto's CreateAccount creates the role the resolver names").isEqualTo(roleArn);
        }
        assertThat(evidence(lab.prodA(), member, organization()).accountSummary().value("Roles"))
                .as("the member's own IAM, which holds that one role").contains(1);
        assertThat(callerEvidence(organization()).accountSummary().value("Roles")).as("the management account's IAM").contains(0);
    }

    // ---------------------------------------------------------------- centralized root access

    @Test
    void withoutIamListOrganizationsFeaturesCentralizedRootAccessIsUnableToAssessNeverPass() {
        LiveOrganization organization = organization();

        // moto 5.2.1 has no iam:ListOrganizationsFeatures: it answers HTTP 500 with an HTML page, so no AWS error code.
        assertThatThrownBy(organization::features)
                .isInstanceOfSatisfying(EvidenceUnavailableException.class, e -> {
                    assertThat(e.operation()).isEqualTo("iam:ListOrganizationsFeatures");
                    assertThat(e.getCause()).isInstanceOfSatisfying(AwsServiceException.class,
                            service -> assertThat(service.statusCode()).isEqualTo(500));
                });

        Verdict onManagement = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(callerEvidence(organization), context());
        assertThat(onManagement.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(onManagement.reason()).as("an error without an AWS error code is named by its HTTP status")
                .startsWith("iam:ListOrganizationsFeatures failed with HTTP 500.\n").contains("(HTTP 500)");
        assertThat(onManagement.evidence()).singleElement().isInstanceOfSatisfying(Unreadable.class, unreadable -> {
            assertThat(unreadable.operation()).isEqualTo("iam:ListOrganizationsFeatures");
            assertThat(unreadable.errorCode()).isEqualTo("HTTP 500");
        });
        Verdict onAMember = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(memberEvidence(lab.prodA(), organization), context());
        assertThat(onAMember.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
        assertThat(onAMember.reason()).as("the failed read is shared, not repeated").isEqualTo(onManagement.reason());
    }

    // ---------------------------------------------------------------- seeding and wiring

    private static Lab seed() {
        OrganizationsClient org = seedOrganizations;
        org.createOrganization(request -> request.featureSet(OrganizationFeatureSet.ALL));
        String rootId = org.listRoots().roots().get(0).id();
        org.enablePolicyType(request -> request.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));

        String workloads = ou(rootId, "Workloads");
        String prod = ou(workloads, "Prod");
        String sandbox = ou(rootId, "Sandbox");

        String prodA = account("prod-a", rootId, prod, "env", "prod");
        String prodB = account("prod-b", rootId, prod, "env", "prod");
        String sandboxAccount = account("sandbox", rootId, sandbox, "env", "sandbox");
        String retired = account("retired", rootId, sandbox, "env", "prod");
        String legacy = account("legacy", rootId, rootId, "env", "legacy");
        org.closeAccount(request -> request.accountId(retired));
        assertThat(org.describeAccount(request -> request.accountId(retired)).account().status())
                .as("moto closes accounts").isEqualTo(AccountStatus.SUSPENDED);

        String denyRoot = policy("DenyRoot", DENY_ROOT, prod);
        String denyRootWithoutMfa = policy("DenyRootWithoutMfa", DENY_ROOT_WITHOUT_MFA, sandbox);
        String denyLeave = policy("DenyLeaveOrganization", DENY_LEAVE_ORGANIZATION, legacy);
        return new Lab(rootId, workloads, prod, sandbox, prodA, prodB, sandboxAccount, retired, legacy, denyRoot, denyRootWithoutMfa, denyLeave);
    }

    private static String ou(String parentId, String name) {
        return seedOrganizations.createOrganizationalUnit(request -> request.parentId(parentId).name(name)).organizationalUnit().id();
    }

    private static String account(String name, String rootId, String parentId, String tagKey, String tagValue) {
        String id = seedOrganizations.createAccount(request -> request.accountName(name).email(name + "@example.com"))
                .createAccountStatus().accountId();
        if (!parentId.equals(rootId)) {
            seedOrganizations.moveAccount(request -> request.accountId(id).sourceParentId(rootId).destinationParentId(parentId));
        }
        seedOrganizations.tagResource(request -> request.resourceId(id).tags(tag -> tag.key(tagKey).value(tagValue)));
        return id;
    }

    private static String policy(String name, String content, String targetId) {
        String id = seedOrganizations.createPolicy(request -> request.name(name).description(name).type(PolicyType.SERVICE_CONTROL_POLICY)
                .content(content)).policy().policySummary().id();
        seedOrganizations.attachPolicy(request -> request.policyId(id).targetId(targetId));
        return id;
    }

    private static IamClient seedIamIn(String roleArn) {
        Credentials credentials;
        try (StsClient sts = StsClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            credentials = sts.assumeRole(request -> request.roleArn(roleArn).roleSessionName("seed")).credentials();
        }
        return IamClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .build();
    }

    private static Target member(String accountId, String name) {
        return new Target(accountId, Optional.of(name), Optional.of("arn:aws:iam::" + accountId + ":role/" + ROLE));
    }

    private static List<String> sorted(String... accountIds) {
        return Stream.of(accountIds).sorted().toList();
    }

    private Targets resolve(Map<String, String> filters) {
        Map<String, String> properties = new HashMap<>(filters);
        properties.put("rootposture.targets", "organization");
        return new TargetResolver(settings(properties), sessions.caller(), new OrganizationDirectory(sessions.caller())).resolve();
    }

    private LiveOrganization organization() {
        return new LiveOrganization(sessions.caller(), Clock.systemUTC());
    }

    private LiveAccountEvidence callerEvidence(LiveOrganization organization) {
        return evidence(MANAGEMENT, sessions.caller(), organization);
    }

    /** A member as {@code Run} wires it: the role the resolver names, assumed from the caller. */
    private LiveAccountEvidence memberEvidence(String accountId, LiveOrganization organization) {
        return evidence(accountId, sessions.account(accountId, Optional.of("arn:aws:iam::" + accountId + ":role/" + ROLE)), organization);
    }

    private LiveAccountEvidence evidence(String accountId, AwsClients clients, LiveOrganization organization) {
        return new LiveAccountEvidence(new AccountIdentity(accountId, "aws"), clients, organization,
                member -> sessions.rootSession(member, "aws"), EvidenceOptions.waitingAtMost(Duration.ofSeconds(10)), Clock.systemUTC());
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Instant.now(), Duration.ofDays(90));
    }

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "rootposture.endpoint", MOTO.endpoint().toString(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "rootposture.retry-mode", "standard"));
        properties.putAll(extra);
        return SettingsReader.from(properties, Map.of());
    }

    private static void setProperty(String name, String value) {
        SAVED.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
