package org.rootposture.internal.controls;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.Severity;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.ScpChain;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/** The organization guardrail controls and their decisions (see CONTROLS.md, "Organization guardrails"). */
public final class OrganizationControls {

    static final String GUARDRAILS = "Organization guardrails";
    private static final String NOT_MANAGEMENT = "AccountNotManagementOrDelegatedAdministratorException";
    static final List<String> NOT_IN_ORGANIZATION = List.of("AWSOrganizationsNotInUseException", "OrganizationNotFoundException");
    private static final List<String> FEATURES = List.of(OrganizationFeatures.ROOT_CREDENTIALS_MANAGEMENT, OrganizationFeatures.ROOT_SESSIONS);

    public static final BuiltInControl ROOT_ACCESS_CENTRALIZED = new RootControl(new ControlDefinition(
            "org.root-access.centralized", "Centralized root access is enabled (RootCredentialsManagement and RootSessions)",
            RootCredentialControls.CIS, GUARDRAILS, CisReference.all("v7.0.0:2.1.1"), Severity.HIGH,
            "With centralized root access, member accounts need no root credentials at all: the management account removes them and "
                    + "performs the few root-only tasks through short, audited root sessions.",
            "In the management account: IAM → Root access management → Enable (or `aws iam enable-organizations-root-credentials-management` "
                    + "and `aws iam enable-organizations-root-sessions`; Terraform: aws_iam_organizations_features).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management")),
            true, OrganizationControls::rootAccessCentralized);

    public static final BuiltInControl SCP_DENIES_ROOT = new RootControl(new ControlDefinition(
            "org.scp.root-denied", "An SCP denies every action by the account's root user", RootCredentialControls.CIS, GUARDRAILS,
            CisReference.all("v7.0.0:2.1.2"), Severity.HIGH,
            "A service control policy that denies the root user makes a leaked root password useless in member accounts; it is what "
                    + "Control Tower's GRRESTRICTROOTUSER guardrail does.",
            "Attach an SCP with a Deny on \"*\" conditioned on StringLike aws:PrincipalArn arn:aws:iam::*:root to the root or the "
                    + "account's OU (Terraform: aws_organizations_policy + aws_organizations_policy_attachment).",
            List.of("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html")),
            true, (evidence, context) -> scpDeniesRoot(evidence, false));

    public static final BuiltInControl SCP_DENIES_ROOT_WITHOUT_MFA = new RootControl(new ControlDefinition(
            "org.scp.root-mfa", "An SCP denies the root user's actions without MFA", RootCredentialControls.CIS, GUARDRAILS,
            CisReference.all("v7.0.0:2.1.2"), Severity.MEDIUM,
            "Where root must stay usable, an SCP that denies root's actions unless MFA is present blocks a stolen password alone. It must "
                    + "use BoolIfExists: requests signed with root access keys carry no aws:MultiFactorAuthPresent, and Bool does not match a "
                    + "missing key, so a Bool condition leaves root's access-key requests allowed.",
            "Attach an SCP with a Deny on \"*\" for aws:PrincipalArn arn:aws:iam::*:root with BoolIfExists aws:MultiFactorAuthPresent "
                    + "\"false\" (not Bool), or the stronger full root deny.",
            List.of("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html")),
            true, (evidence, context) -> scpDeniesRoot(evidence, true));

    public static final BuiltInControl ROOT_CREDENTIALS_ABSENT = new RootControl(new ControlDefinition(
            "root.credentials.absent", "Member account root has no password, access keys, MFA devices or certificates",
            RootCredentialControls.CIS, GUARDRAILS, List.of(), Severity.HIGH,
            "A member account whose root credentials were removed centrally has nothing to steal, rotate or forget. With "
                    + "rootposture.root-sessions=true the root user is read directly through an sts:AssumeRoot audit session (each leaves root "
                    + "events in the member's CloudTrail, on which the CIS root usage alarm fires); otherwise from the credential report.",
            "From the management account: IAM → Root access management → select the account → Delete root user credentials "
                    + "(`aws sts assume-root --task-policy-arn arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials`).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html")),
            true, OrganizationControls::rootCredentialsAbsent);

    private OrganizationControls() {
    }

    public static List<BuiltInControl> all() {
        return List.of(ROOT_ACCESS_CENTRALIZED, SCP_DENIES_ROOT, SCP_DENIES_ROOT_WITHOUT_MFA, ROOT_CREDENTIALS_ABSENT);
    }

    /** The organization-wide part of {@code org.root-access.centralized}: both features enabled. */
    public static Verdict featuresEnabled(OrganizationFeatures features) {
        List<String> missing = FEATURES.stream().filter(feature -> !features.enabled(feature)).toList();
        if (missing.isEmpty()) {
            return Verdict.pass(Reason.of("Centralized root access is enabled (RootCredentialsManagement and RootSessions).",
                    "Both features are enabled for the organization " + features.organizationId() + "."), features);
        }
        return Verdict.fail(Reason.of("Centralized root access is not fully enabled.", "For the organization " + features.organizationId() + ", "
                + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " off (enabled: " + features.enabledFeatures() + ")."),
                features);
    }

    static Verdict rootAccessCentralized(AccountEvidence evidence, EvaluationContext context) {
        return inOrganization(evidence, organization -> {
            OrganizationFeatures features;
            try {
                features = evidence.organizationFeatures();
            } catch (EvidenceUnavailableException e) {
                if (e.errorCode().equals(NOT_MANAGEMENT)) {
                    return Verdict.notApplicable(Reason.of("Only the management account or a delegated administrator can read centralized root access.",
                            "iam:ListOrganizationsFeatures answered " + NOT_MANAGEMENT + ": this run's caller is neither."), new Unreadable(e));
                }
                throw e;
            }
            Verdict organizationWide = featuresEnabled(features);
            if (!isManagement(evidence, organization)) {
                return Verdict.notApplicable(Reason.of("Centralized root access is an organization-wide setting, judged on the management account.",
                        "The management account " + organization.managementAccountId() + " is " + organizationWide.outcome() + ": "
                                + organizationWide.reason()), features);
            }
            return organizationWide;
        });
    }

    static Verdict scpDeniesRoot(AccountEvidence evidence, boolean withoutMfaSuffices) {
        return inOrganization(evidence, organization -> {
            if (isManagement(evidence, organization)) {
                return Verdict.notApplicable(Reason.of("SCPs never apply to the management account.",
                        "This is the management account " + organization.managementAccountId() + " of the organization " + organization.organizationId() + "."),
                        organization);
            }
            ScpChain chain = evidence.serviceControlPolicies();
            ScpAssessment assessment = ScpEvaluator.assess(chain, evidence.identity());
            String path = "Chain: " + chain.path() + ".";
            Optional<ScpAssessment.Finding> denial = first(assessment, ScpAssessment.Effect.DENIES_ROOT);
            if (denial.isPresent()) {
                return Verdict.pass(Reason.of("An SCP in effect denies every action by the root user.",
                        "Denied by " + denial.get().sentence() + ". " + path), assessment, chain);
            }
            Optional<ScpAssessment.Finding> withoutMfa = first(assessment, ScpAssessment.Effect.DENIES_ROOT_WITHOUT_MFA);
            if (withoutMfaSuffices && withoutMfa.isPresent()) {
                return Verdict.pass(Reason.of("An SCP in effect denies the root user's actions without MFA.",
                        "Denied by " + withoutMfa.get().sentence() + ". " + path), assessment, chain);
            }
            List<ScpAssessment.Finding> unreadable = assessment.findings().stream()
                    .filter(finding -> finding.effect() == ScpAssessment.Effect.UNREADABLE).toList();
            if (!unreadable.isEmpty()) {
                return Verdict.unableToAssess(Reason.of("An SCP that applies to the account cannot be read, and no readable one denies the root user.",
                        unreadable.stream().map(ScpAssessment.Finding::sentence).collect(Collectors.joining("; ")) + ". " + path), assessment, chain);
            }
            String considered = assessment.findings().isEmpty() ? "No SCP is attached."
                    : assessment.findings().size() + " statement(s) considered: "
                    + assessment.findings().stream().map(ScpAssessment.Finding::sentence).collect(Collectors.joining("; ")) + ".";
            Optional<ScpAssessment.Finding> bool = first(assessment, ScpAssessment.Effect.DENIES_ROOT_WITHOUT_MFA_WITH_BOOL);
            if (withoutMfaSuffices && bool.isPresent()) {
                return Verdict.fail(Reason.of("An SCP denies the root user without MFA with the Bool operator, which requests signed with root access keys pass.",
                        bool.get().sentence() + ". Write BoolIfExists aws:MultiFactorAuthPresent \"false\" instead, or deny root outright. " + path),
                        assessment, chain);
            }
            return Verdict.fail(Reason.of(withoutMfaSuffices ? "No SCP in effect denies the root user's actions without MFA."
                    : "No SCP in effect denies every action by the root user.", path + " " + considered), assessment, chain);
        });
    }

    private static Optional<ScpAssessment.Finding> first(ScpAssessment assessment, ScpAssessment.Effect effect) {
        return assessment.findings().stream().filter(finding -> finding.effect() == effect).findFirst();
    }

    static Verdict rootCredentialsAbsent(AccountEvidence evidence, EvaluationContext context) {
        return inOrganization(evidence, organization -> {
            if (isManagement(evidence, organization)) {
                return Verdict.notApplicable(Reason.of("The management account keeps its root user; central removal of root credentials applies to member accounts.",
                        "This is the management account " + organization.managementAccountId() + "."), organization);
            }
            RootCredentialsInventory inventory = evidence.rootCredentialsInventory();
            if (inventory.none()) {
                return Verdict.pass(Reason.of("The root user has no password, access keys, MFA devices or signing certificates.",
                        "From " + inventory.source() + "."), inventory);
            }
            String held = Stream.of(
                            inventory.password() ? Stream.of("a password") : Stream.<String>empty(),
                            inventory.accessKeys().stream().map(key -> "access key (" + key + ")"),
                            inventory.mfaDevices().stream().map(device -> "MFA device " + device),
                            inventory.signingCertificates().stream().map(certificate -> "signing certificate (" + certificate + ")"))
                    .flatMap(s -> s)
                    .collect(Collectors.joining(", "));
            return Verdict.fail(Reason.of("The root user still has credentials.", "It has " + held + " (from " + inventory.source() + ")."), inventory);
        });
    }

    private interface OrganizationDecision {
        Verdict decide(OrganizationInfo organization);
    }

    private static Verdict inOrganization(AccountEvidence evidence, OrganizationDecision decision) {
        OrganizationInfo organization;
        try {
            organization = evidence.organization();
        } catch (EvidenceUnavailableException e) {
            if (NOT_IN_ORGANIZATION.contains(e.errorCode())) {
                return Verdict.notApplicable(Reason.of("The account is not in an AWS organization, so organization guardrails do not apply.",
                        e.operation() + " answered " + e.errorCode() + "."), new Unreadable(e));
            }
            throw e;
        }
        return decision.decide(organization);
    }

    private static boolean isManagement(AccountEvidence evidence, OrganizationInfo organization) {
        return organization.managementAccountId().equals(evidence.identity().accountId());
    }
}
