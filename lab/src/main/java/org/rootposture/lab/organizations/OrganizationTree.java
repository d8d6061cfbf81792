package org.rootposture.lab.organizations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.fixture.Policy;

/** The root, OUs, accounts and policies of a validated fixture's organization, and how they hang together. */
final class OrganizationTree {

    static final String FULL_AWS_ACCESS = "p-FullAWSAccess";
    private static final String FULL_AWS_ACCESS_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private final Organization organization;
    private final Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();

    OrganizationTree(Organization organization, List<Account> accounts) {
        this.organization = organization;
        organization.organizationalUnits().forEach(unit -> units.put(unit.id(), unit));
        accounts.forEach(account -> this.accounts.put(account.id(), account));
        policies.put(FULL_AWS_ACCESS, fullAwsAccess());
        organization.policies().forEach(policy -> policies.put(policy.id(), policy));
    }

    static OrganizationTree of(Fixture fixture) {
        return new OrganizationTree(fixture.organization(), fixture.accounts());
    }

    Organization organization() {
        return organization;
    }

    String rootId() {
        return organization.rootId();
    }

    boolean isRoot(String id) {
        return rootId().equals(id);
    }

    Optional<OrganizationalUnit> unit(String id) {
        return Optional.ofNullable(id).map(units::get);
    }

    Optional<Account> account(String id) {
        return Optional.ofNullable(id).map(accounts::get);
    }

    boolean isParent(String id) {
        return isRoot(id) || unit(id).isPresent();
    }

    boolean contains(String id) {
        return isParent(id) || account(id).isPresent();
    }

    Optional<String> parentOf(String childId) {
        Optional<String> unitParent = unit(childId).map(unit -> parentIdOf(unit.parent()));
        return unitParent.or(() -> account(childId).map(account -> parentIdOf(account.parent())));
    }

    List<OrganizationalUnit> unitsUnder(String parentId) {
        return units.values().stream().filter(unit -> parentId.equals(parentIdOf(unit.parent()))).toList();
    }

    List<Account> accountsUnder(String parentId) {
        return accounts.values().stream().filter(account -> parentId.equals(parentIdOf(account.parent()))).toList();
    }

    List<Policy> policies() {
        return List.copyOf(policies.values());
    }

    Optional<Policy> policy(String id) {
        return Optional.ofNullable(id).map(policies::get);
    }

    List<Policy> policiesFor(String targetId) {
        return policies.values().stream().filter(policy -> targets(policy).contains(targetId)).toList();
    }

    /** Ids of what the policy is attached to: the root, then OUs, then accounts. */
    List<String> targets(Policy policy) {
        List<String> targets = new ArrayList<>();
        if (policy.root()) {
            targets.add(rootId());
        }
        policy.units().forEach(unit -> targets.add(unit.id()));
        targets.addAll(policy.accounts());
        return targets;
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

    String policyArn(Policy policy) {
        if (policy.awsManaged()) {
            return "arn:aws:organizations::aws:policy/service_control_policy/" + policy.id();
        }
        return "arn:aws:organizations::" + organization.managementAccountId() + ":policy/" + organization.id()
                + "/service_control_policy/" + policy.id();
    }

    private String parentIdOf(OrganizationalUnit parent) {
        return parent == null ? rootId() : parent.id();
    }

    private Policy fullAwsAccess() {
        boolean everywhere = organization.fullAwsAccess();
        return new Policy(FULL_AWS_ACCESS, "FullAWSAccess", "Allows access to every operation", true, FULL_AWS_ACCESS_DOCUMENT, everywhere,
                everywhere ? List.copyOf(units.values()) : List.of(), everywhere ? List.copyOf(accounts.keySet()) : List.of());
    }
}
