package org.rootposture.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The root, OUs, accounts and policies of a validated fixture's organization, and how they hang together. */
final class OrganizationTree {

    static final String FULL_AWS_ACCESS = "p-FullAWSAccess";

    private final OrganizationFixture organization;
    private final Map<String, OrganizationalUnitFixture> units = new LinkedHashMap<>();
    private final Map<String, AccountFixture> accounts = new LinkedHashMap<>();
    private final Map<String, PolicyFixture> policies = new LinkedHashMap<>();

    OrganizationTree(OrganizationFixture organization, List<AccountFixture> accounts) {
        this.organization = organization;
        organization.organizationalUnits().forEach(unit -> units.put(unit.id(), unit));
        accounts.forEach(account -> this.accounts.put(account.id(), account));
        policies.put(FULL_AWS_ACCESS, fullAwsAccess());
        organization.policies().forEach(policy -> policies.put(policy.id(), policy));
    }

    static OrganizationTree of(Fixture fixture) {
        return new OrganizationTree(fixture.organization(), fixture.accounts());
    }

    OrganizationFixture organization() {
        return organization;
    }

    String rootId() {
        return organization.rootId();
    }

    boolean isRoot(String id) {
        return rootId().equals(id);
    }

    Optional<OrganizationalUnitFixture> unit(String id) {
        return Optional.ofNullable(id).map(units::get);
    }

    Optional<AccountFixture> account(String id) {
        return Optional.ofNullable(id).map(accounts::get);
    }

    boolean isParent(String id) {
        return isRoot(id) || unit(id).isPresent();
    }

    boolean contains(String id) {
        return isParent(id) || account(id).isPresent();
    }

    Optional<String> parentOf(String childId) {
        Optional<String> unitParent = unit(childId).map(unit -> parentIdOf(unit.parentId()));
        return unitParent.or(() -> account(childId).map(account -> parentIdOf(account.parentId())));
    }

    List<OrganizationalUnitFixture> unitsUnder(String parentId) {
        return units.values().stream().filter(unit -> parentId.equals(parentIdOf(unit.parentId()))).toList();
    }

    List<AccountFixture> accountsUnder(String parentId) {
        return accounts.values().stream().filter(account -> parentId.equals(parentIdOf(account.parentId()))).toList();
    }

    List<PolicyFixture> policies() {
        return List.copyOf(policies.values());
    }

    Optional<PolicyFixture> policy(String id) {
        return Optional.ofNullable(id).map(policies::get);
    }

    List<PolicyFixture> policiesFor(String targetId) {
        return policies.values().stream().filter(policy -> policy.targets().contains(targetId)).toList();
    }

    List<String> pathTo(String id) {
        List<String> path = new ArrayList<>();
        for (String node = id; node != null; node = isRoot(node) ? null : parentOf(node).orElse(null)) {
            path.add(0, node);
        }
        return path;
    }

    String arn(String id) {
        String prefix = "arn:aws:organizations::" + organization.managementAccountId() + ":";
        if (isRoot(id)) {
            return prefix + "root/" + organization.id() + "/" + id;
        }
        if (unit(id).isPresent()) {
            return prefix + "ou/" + organization.id() + "/" + id;
        }
        return prefix + "account/" + organization.id() + "/" + id;
    }

    String policyArn(PolicyFixture policy) {
        if (policy.awsManaged()) {
            return "arn:aws:organizations::aws:policy/service_control_policy/" + policy.id();
        }
        return "arn:aws:organizations::" + organization.managementAccountId() + ":policy/" + organization.id()
                + "/service_control_policy/" + policy.id();
    }

    private String parentIdOf(String parentId) {
        return parentId == null ? rootId() : parentId;
    }

    private PolicyFixture fullAwsAccess() {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        document.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "*").put("Resource", "*");
        List<String> targets = new ArrayList<>();
        if (organization.fullAwsAccess()) {
            targets.add(rootId());
            targets.addAll(units.keySet());
            targets.addAll(accounts.keySet());
        }
        return new PolicyFixture(FULL_AWS_ACCESS, "FullAWSAccess", "Allows access to every operation", true, document, null, targets);
    }
}
