package org.rootposture.evidence;

import static org.rootposture.evidence.AwsCalls.call;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.rootposture.session.AwsClients;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * The organization as the run's caller (its management account or a delegated administrator) sees it, shared by
 * every account of the run: each parent, OU name, attached policy list and policy document is read once, however
 * many accounts sit under it.
 */
public final class LiveOrganization {

    private final AwsClients caller;
    private final Clock clock;
    private final Memo<OrganizationInfo> info = new Memo<>(this::readInfo);
    private final Memo<OrganizationFeatures> features = new Memo<>(this::readFeatures);
    private final Map<String, Memo<Parent>> parents = new ConcurrentHashMap<>();
    private final Map<String, Memo<String>> ouNames = new ConcurrentHashMap<>();
    private final Map<String, Memo<List<PolicySummary>>> attached = new ConcurrentHashMap<>();
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
        List<Parent> chain = new ArrayList<>();
        String child = accountId;
        while (true) {
            Parent parent = parent(child);
            chain.add(parent);
            if (parent.typeAsString().equals("ROOT")) {
                return chain;
            }
            child = parent.id();
        }
    }

    public String ouName(String ouId) {
        return ouNames.computeIfAbsent(ouId, id -> new Memo<>(() -> call("organizations:DescribeOrganizationalUnit",
                () -> organizations().describeOrganizationalUnit(request -> request.organizationalUnitId(id)).organizationalUnit().name()))).get();
    }

    public Map<String, String> tags(String accountId) {
        return tags.computeIfAbsent(accountId, id -> new Memo<>(() -> call("organizations:ListTagsForResource",
                () -> organizations().listTagsForResourcePaginator(request -> request.resourceId(id)).stream()
                        .flatMap(page -> page.tags().stream())
                        .collect(Collectors.toUnmodifiableMap(Tag::key, Tag::value, (a, b) -> b))))).get();
    }

    /** The SCPs attached to one root, OU or account, with their documents. */
    public List<ScpChain.Policy> policies(String targetId) {
        return attached.computeIfAbsent(targetId, id -> new Memo<>(() -> call("organizations:ListPoliciesForTarget",
                        () -> organizations().listPoliciesForTargetPaginator(request -> request.targetId(id).filter(PolicyType.SERVICE_CONTROL_POLICY))
                                .stream().flatMap(page -> page.policies().stream()).toList())))
                .get().stream()
                .map(summary -> new ScpChain.Policy(summary.id(), summary.name(), Boolean.TRUE.equals(summary.awsManaged()), document(summary.id())))
                .toList();
    }

    /** The account's whole chain, root first. */
    public ScpChain chain(String accountId) {
        List<ScpChain.Level> levels = new ArrayList<>();
        levels.add(new ScpChain.Level(accountId, "ACCOUNT", accountId, policies(accountId)));
        for (Parent parent : ancestors(accountId)) {
            String type = parent.typeAsString();
            levels.add(new ScpChain.Level(parent.id(), type, type.equals("ROOT") ? "Root" : ouName(parent.id()), policies(parent.id())));
        }
        Collections.reverse(levels);
        return new ScpChain(accountId, levels, Provenance.of(clock.instant(), "organizations:ListParents",
                "organizations:DescribeOrganizationalUnit", "organizations:ListPoliciesForTarget", "organizations:DescribePolicy"));
    }

    private Parent parent(String childId) {
        return parents.computeIfAbsent(childId, id -> new Memo<>(() -> call("organizations:ListParents", () -> {
            List<Parent> found = organizations().listParents(request -> request.childId(id)).parents();
            if (found.isEmpty()) {
                throw new EvidenceUnavailableException("organizations:ListParents", "NoParent", id + " has no parent in the organization");
            }
            return found.get(0);
        }))).get();
    }

    private String document(String policyId) {
        return documents.computeIfAbsent(policyId, id -> new Memo<>(() -> call("organizations:DescribePolicy",
                () -> organizations().describePolicy(request -> request.policyId(id)).policy().content()))).get();
    }

    private OrganizationInfo readInfo() {
        Organization organization = call("organizations:DescribeOrganization", () -> organizations().describeOrganization().organization());
        return new OrganizationInfo(organization.id(), organization.masterAccountId(), Provenance.of(clock.instant(), "organizations:DescribeOrganization"));
    }

    private OrganizationFeatures readFeatures() {
        var response = call("iam:ListOrganizationsFeatures", () -> caller.client(IamClient.class).listOrganizationsFeatures(request -> { }));
        return new OrganizationFeatures(response.organizationId(), response.enabledFeaturesAsStrings(),
                Provenance.of(clock.instant(), "iam:ListOrganizationsFeatures"));
    }

    private OrganizationsClient organizations() {
        return caller.client(OrganizationsClient.class);
    }
}
