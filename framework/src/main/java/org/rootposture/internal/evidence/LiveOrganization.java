package org.rootposture.internal.evidence;

import static org.rootposture.internal.session.AwsCalls.call;
import static org.rootposture.internal.session.AwsCalls.listed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rootposture.internal.directory.OrganizationDirectory;
import org.rootposture.internal.redaction.Redactor;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Memo;

import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootEmail;
import org.rootposture.evidence.ScpChain;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * The organization's guardrail evidence as the run's caller (its management account or a delegated administrator)
 * reads it, shared by every account of the run and read once, whatever the number of accounts: which SCP is attached
 * to which root, OU or account (a listing of targets per SCP), each policy document, and the organization's
 * centralized root access features. Where an account sits in the tree, and its root user's e-mail address, come from
 * the {@link OrganizationDirectory}. A run over a thousand accounts makes a few dozen Organizations calls, not
 * thousands, which keeps it within the Organizations API's request rate.
 */
public final class LiveOrganization {

    private static final List<String> CHAIN_OPERATIONS = List.of("organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
            "organizations:ListAccountsForParent", "organizations:ListPolicies", "organizations:ListTargetsForPolicy",
            "organizations:DescribePolicy");

    private final OrganizationDirectory directory;
    private final AwsClients caller;
    private final Clock clock;
    private final Memo<OrganizationInfo> info = new Memo<>(this::readInfo);
    private final Memo<OrganizationFeatures> features = new Memo<>(this::readFeatures);
    private final Memo<Map<String, List<PolicySummary>>> attached = new Memo<>(this::readAttachments);
    private final Map<String, Memo<String>> documents = new ConcurrentHashMap<>();

    /** The guardrails of the caller's organization, with a directory of its own. */
    public LiveOrganization(AwsClients caller, Clock clock) {
        this(new OrganizationDirectory(caller), caller, clock);
    }

    public LiveOrganization(OrganizationDirectory directory, AwsClients caller, Clock clock) {
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public OrganizationInfo info() {
        return info.get();
    }

    public OrganizationFeatures features() {
        return features.get();
    }

    /** The root user's e-mail address of one of the organization's accounts, masked, from the account list read once per run. */
    public RootEmail rootEmail(String accountId) {
        Account account = directory.accounts().stream().filter(listed -> listed.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new EvidenceUnavailableException("organizations:ListAccounts", "NotInOrganization",
                        accountId + " is not among the accounts of the caller's organization"));
        if (account.email() == null || account.email().indexOf('@') < 0) {
            throw EvidenceUnavailableException.missing("organizations:ListAccounts", "Email of account " + accountId);
        }
        return new RootEmail(Redactor.email(account.email()), Provenance.of(clock.instant(), "organizations:ListAccounts"));
    }

    /** The SCPs attached to one root, OU or account, with their documents. */
    public List<ScpChain.Policy> policies(String targetId) {
        return attached.get().getOrDefault(targetId, List.of()).stream()
                .map(summary -> new ScpChain.Policy(summary.id(), summary.name(), Boolean.TRUE.equals(summary.awsManaged()), document(summary.id())))
                .toList();
    }

    /** The account's whole chain, root first. */
    public ScpChain chain(String accountId) {
        List<ScpChain.Level> levels = new ArrayList<>();
        levels.add(new ScpChain.Level(accountId, "ACCOUNT", accountId, policies(accountId)));
        for (Parent parent : directory.ancestors(accountId)) {
            levels.add(new ScpChain.Level(parent.id(), parent.typeAsString(), directory.name(parent), policies(parent.id())));
        }
        Collections.reverse(levels);
        return new ScpChain(accountId, levels, Provenance.of(clock.instant(), CHAIN_OPERATIONS.toArray(String[]::new)));
    }

    private Map<String, List<PolicySummary>> readAttachments() {
        Map<String, List<PolicySummary>> byTarget = new HashMap<>();
        List<PolicySummary> scps = listed("organizations:ListPolicies", "Policies",
                () -> organizations().listPoliciesPaginator(request -> request.filter(PolicyType.SERVICE_CONTROL_POLICY)),
                ListPoliciesResponse::hasPolicies, ListPoliciesResponse::policies);
        for (PolicySummary scp : scps) {
            listed("organizations:ListTargetsForPolicy", "Targets", () -> organizations().listTargetsForPolicyPaginator(request -> request.policyId(scp.id())),
                    ListTargetsForPolicyResponse::hasTargets, ListTargetsForPolicyResponse::targets)
                    .forEach(target -> byTarget.computeIfAbsent(target.targetId(), id -> new ArrayList<>()).add(scp));
        }
        return byTarget;
    }

    private String document(String policyId) {
        return documents.computeIfAbsent(policyId, id -> new Memo<>(() -> call("organizations:DescribePolicy",
                () -> organizations().describePolicy(request -> request.policyId(id)).policy().content()))).get();
    }

    private OrganizationInfo readInfo() {
        Organization organization = call("organizations:DescribeOrganization", () -> organizations().describeOrganization().organization());
        if (organization == null || organization.id() == null) {
            throw EvidenceUnavailableException.missing("organizations:DescribeOrganization", "Organization");
        }
        return new OrganizationInfo(organization.id(), organization.masterAccountId(), Provenance.of(clock.instant(), "organizations:DescribeOrganization"));
    }

    private OrganizationFeatures readFeatures() {
        var response = call("iam:ListOrganizationsFeatures", () -> caller.client(IamClient.class).listOrganizationsFeatures(request -> { }));
        if (response.organizationId() == null) {
            throw EvidenceUnavailableException.missing("iam:ListOrganizationsFeatures", "OrganizationId");
        }
        return new OrganizationFeatures(response.organizationId(), response.enabledFeaturesAsStrings(),
                Provenance.of(clock.instant(), "iam:ListOrganizationsFeatures"));
    }

    private OrganizationsClient organizations() {
        return caller.client(OrganizationsClient.class);
    }
}
