package org.rootposture.evidence;

import static org.rootposture.evidence.AwsCalls.call;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.rootposture.session.AwsClients;

import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * The organization as the run's caller (its management account or a delegated administrator) sees it, shared by
 * every account of the run and read once, whatever the number of accounts: the tree (from the root down, a page of
 * accounts at a time), which SCP is attached to which root, OU or account (a listing of targets per SCP), and each
 * policy document. A run over a thousand accounts makes a few dozen Organizations calls, not thousands, which keeps
 * it within the Organizations API's request rate.
 */
public final class LiveOrganization {

    private static final List<String> CHAIN_OPERATIONS = List.of("organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
            "organizations:ListAccountsForParent", "organizations:ListPolicies", "organizations:ListTargetsForPolicy",
            "organizations:DescribePolicy");

    private final AwsClients caller;
    private final Clock clock;
    private final Memo<OrganizationInfo> info = new Memo<>(this::readInfo);
    private final Memo<OrganizationFeatures> features = new Memo<>(this::readFeatures);
    private final Memo<Tree> tree = new Memo<>(this::readTree);
    private final Memo<Map<String, List<PolicySummary>>> attached = new Memo<>(this::readAttachments);
    private final Map<String, Memo<String>> documents = new ConcurrentHashMap<>();
    private final Map<String, Memo<Map<String, String>>> tags = new ConcurrentHashMap<>();

    public LiveOrganization(AwsClients caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public OrganizationInfo info() {
        return info.get();
    }

    public OrganizationFeatures features() {
        return features.get();
    }

    /** The account's ancestors, nearest first: its OU, that OU's parent, …, the root. */
    public List<Parent> ancestors(String accountId) {
        Tree organization = tree.get();
        List<Parent> chain = new ArrayList<>();
        Parent parent = organization.parentOf(accountId);
        chain.add(parent);
        while (parent.type() != ParentType.ROOT) {
            parent = organization.parentOf(parent.id());
            chain.add(parent);
        }
        return chain;
    }

    public Map<String, String> tags(String accountId) {
        return tags.computeIfAbsent(accountId, id -> new Memo<>(() -> call("organizations:ListTagsForResource",
                () -> organizations().listTagsForResourcePaginator(request -> request.resourceId(id)).stream()
                        .flatMap(page -> page.tags().stream())
                        .collect(Collectors.toUnmodifiableMap(Tag::key, Tag::value, (a, b) -> b))))).get();
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
        for (Parent parent : ancestors(accountId)) {
            String type = parent.typeAsString();
            levels.add(new ScpChain.Level(parent.id(), type, tree.get().name(parent), policies(parent.id())));
        }
        Collections.reverse(levels);
        return new ScpChain(accountId, levels, Provenance.of(clock.instant(), CHAIN_OPERATIONS.toArray(String[]::new)));
    }

    private Tree readTree() {
        String rootId = listed("organizations:ListRoots", "Roots", () -> organizations().listRootsPaginator(request -> { }),
                ListRootsResponse::hasRoots, ListRootsResponse::roots).stream()
                .findFirst()
                .orElseThrow(() -> new EvidenceUnavailableException("organizations:ListRoots", "NoRoot", "the organization lists no root"))
                .id();
        Map<String, Parent> parents = new HashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        Deque<Parent> containers = new ArrayDeque<>(List.of(Parent.builder().id(rootId).type(ParentType.ROOT).build()));
        while (!containers.isEmpty()) {
            Parent container = containers.pop();
            listed("organizations:ListOrganizationalUnitsForParent", "OrganizationalUnits",
                    () -> organizations().listOrganizationalUnitsForParentPaginator(request -> request.parentId(container.id())),
                    ListOrganizationalUnitsForParentResponse::hasOrganizationalUnits, ListOrganizationalUnitsForParentResponse::organizationalUnits)
                    .forEach(unit -> {
                        parents.put(unit.id(), container);
                        unitNames.put(unit.id(), unit.name());
                        containers.push(Parent.builder().id(unit.id()).type(ParentType.ORGANIZATIONAL_UNIT).build());
                    });
            listed("organizations:ListAccountsForParent", "Accounts",
                    () -> organizations().listAccountsForParentPaginator(request -> request.parentId(container.id())),
                    ListAccountsForParentResponse::hasAccounts, ListAccountsForParentResponse::accounts)
                    .forEach(account -> parents.put(account.id(), container));
        }
        return new Tree(Map.copyOf(parents), Map.copyOf(unitNames));
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

    /** Every item of every page; a page without the list at all is a malformed answer, not an empty one. */
    private static <P, T> List<T> listed(String operation, String field, Supplier<SdkIterable<P>> pages, Predicate<P> present,
                                         Function<P, List<T>> items) {
        return call(operation, () -> pages.get().stream()
                .flatMap(page -> {
                    if (!present.test(page)) {
                        throw EvidenceUnavailableException.missing(operation, field);
                    }
                    return items.apply(page).stream();
                })
                .toList());
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

    /** Who is whose parent, and the OUs' names. */
    private record Tree(Map<String, Parent> parents, Map<String, String> unitNames) {

        Parent parentOf(String childId) {
            return Optional.ofNullable(parents.get(childId)).orElseThrow(() -> new EvidenceUnavailableException(
                    "organizations:ListAccountsForParent", "NotInOrganization", childId + " was not found under the organization's root"));
        }

        String name(Parent parent) {
            return parent.type() == ParentType.ROOT ? "Root" : unitNames.getOrDefault(parent.id(), parent.id());
        }
    }
}
