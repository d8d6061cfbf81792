package org.rootposture.internal.directory;

import static org.rootposture.internal.session.AwsCalls.call;
import static org.rootposture.internal.session.AwsCalls.listed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Memo;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * The organization's directory as the run's caller (its management account or a delegated administrator) sees it:
 * its accounts, its tree of OUs from the root down (a page of accounts at a time) and the accounts' tags. Read once
 * per run whatever the number of accounts, and shared by the targets (which accounts to check) and the guardrail
 * evidence (which SCPs apply where).
 */
public final class OrganizationDirectory {

    private final AwsClients caller;
    private final Memo<List<Account>> accounts = new Memo<>(this::readAccounts);
    private final Memo<Tree> tree = new Memo<>(this::readTree);
    private final Map<String, Memo<Map<String, String>>> tags = new ConcurrentHashMap<>();

    public OrganizationDirectory(AwsClients caller) {
        this.caller = caller;
    }

    /** Every account of the organization, by id, whatever its status. */
    public List<Account> accounts() {
        return accounts.get();
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

    /** {@code Root} for the root, an OU's name for an OU. */
    public String name(Parent parent) {
        return tree.get().name(parent);
    }

    public Map<String, String> tags(String accountId) {
        return tags.computeIfAbsent(accountId, id -> new Memo<>(() -> call("organizations:ListTagsForResource",
                () -> organizations().listTagsForResourcePaginator(request -> request.resourceId(id)).stream()
                        .flatMap(page -> page.tags().stream())
                        .collect(Collectors.toUnmodifiableMap(Tag::key, Tag::value, (a, b) -> b))))).get();
    }

    private List<Account> readAccounts() {
        return call("organizations:ListAccounts", () -> organizations().listAccountsPaginator().stream()
                .flatMap(page -> page.accounts().stream())
                .sorted(Comparator.comparing(Account::id))
                .toList());
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
