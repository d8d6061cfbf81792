package org.rootposture.lab;

import static org.rootposture.lab.FixtureValidator.invalid;
import static org.rootposture.lab.FixtureValidator.quoted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

final class OrganizationValidator {

    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
    private static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
    private static final Set<String> FEATURES = Set.of("RootCredentialsManagement", "RootSessions");

    private OrganizationValidator() {
    }

    static void validate(OrganizationFixture organization, List<AccountFixture> accounts) {
        if (organization == null) {
            accounts.stream().filter(account -> account.parentId() != null).findFirst().ifPresent(account -> {
                throw invalid("account " + account.id() + ": parentId " + quoted(account.parentId()) + " needs an organization");
            });
            return;
        }
        if (!ROOT_ID.matcher(organization.rootId()).matches()) {
            throw invalid("organization.rootId must look like r-abcd, not " + quoted(organization.rootId()));
        }
        Map<String, String> parents = units(organization);
        for (AccountFixture account : accounts) {
            if (account.parentId() != null && !isParent(organization, parents, account.parentId())) {
                throw invalid("account " + account.id() + ": parentId " + quoted(account.parentId()) + " is neither the root "
                        + quoted(organization.rootId()) + " nor one of organization.organizationalUnits");
            }
        }
        Set<String> targets = new HashSet<>(parents.keySet());
        targets.add(organization.rootId());
        accounts.forEach(account -> targets.add(account.id()));
        policies(organization.policies(), targets);
        organization.features().forEach(feature -> {
            if (!FEATURES.contains(feature)) {
                throw invalid("organization.features must list only " + FEATURES + ", not " + quoted(feature));
            }
        });
        for (String administrator : organization.delegatedAdministrators()) {
            if (Objects.equals(administrator, organization.managementAccountId()) || accounts.stream().noneMatch(account -> account.id().equals(administrator))) {
                throw invalid("organization.delegatedAdministrators: " + quoted(administrator) + " is not a member account of the fixture");
            }
        }
    }

    private static Map<String, String> units(OrganizationFixture organization) {
        Map<String, String> parents = new LinkedHashMap<>();
        List<OrganizationalUnitFixture> units = organization.organizationalUnits();
        for (int i = 0; i < units.size(); i++) {
            OrganizationalUnitFixture unit = units.get(i);
            String field = "organization.organizationalUnits[" + i + "]";
            if (unit == null) {
                throw invalid(field + " is null");
            }
            if (unit.id() == null || !OU_ID.matcher(unit.id()).matches()) {
                throw invalid(field + ".id must look like ou-abcd-12345678, not " + quoted(unit.id()));
            }
            if (parents.containsKey(unit.id())) {
                throw invalid(field + ".id " + quoted(unit.id()) + " is a duplicate");
            }
            if (unit.name() == null || unit.name().isBlank()) {
                throw invalid(field + ".name is missing");
            }
            parents.put(unit.id(), unit.parentId() == null ? organization.rootId() : unit.parentId());
        }
        for (int i = 0; i < units.size(); i++) {
            String parentId = parents.get(units.get(i).id());
            if (!isParent(organization, parents, parentId)) {
                throw invalid("organization.organizationalUnits[" + i + "].parentId " + quoted(parentId) + " is neither the root "
                        + quoted(organization.rootId()) + " nor one of organization.organizationalUnits");
            }
        }
        parents.keySet().forEach(id -> noCycle(organization, parents, id));
        return parents;
    }

    private static boolean isParent(OrganizationFixture organization, Map<String, String> parents, String id) {
        return organization.rootId().equals(id) || parents.containsKey(id);
    }

    private static void noCycle(OrganizationFixture organization, Map<String, String> parents, String id) {
        List<String> chain = new ArrayList<>();
        for (String node = id; !organization.rootId().equals(node); node = parents.get(node)) {
            if (chain.contains(node)) {
                throw invalid("organization.organizationalUnits: the parentIds of " + String.join(" -> ", chain) + " -> " + node
                        + " form a cycle that never reaches the root " + quoted(organization.rootId()));
            }
            chain.add(node);
        }
    }

    private static void policies(List<PolicyFixture> policies, Set<String> targets) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            PolicyFixture policy = policies.get(i);
            String field = "organization.policies[" + i + "]";
            if (policy == null) {
                throw invalid(field + " is null");
            }
            if (policy.id() == null || !POLICY_ID.matcher(policy.id()).matches() || policy.id().equals(OrganizationTree.FULL_AWS_ACCESS)) {
                throw invalid(field + ".id must look like p-abcd1234 (and not be AWS's " + OrganizationTree.FULL_AWS_ACCESS + "), not " + quoted(policy.id()));
            }
            if (!ids.add(policy.id())) {
                throw invalid(field + ".id " + quoted(policy.id()) + " is a duplicate");
            }
            if (policy.name() == null || policy.name().isBlank()) {
                throw invalid(field + ".name is missing");
            }
            if ((policy.content() == null) == (policy.contentText() == null)) {
                throw invalid(field + " needs exactly one of content (a JSON object) and contentText (raw text)");
            }
            if (policy.content() != null && !policy.content().isObject()) {
                throw invalid(field + ".content must be a JSON object; use contentText for other documents");
            }
            Set<String> attached = new HashSet<>();
            for (String target : policy.targets()) {
                if (!targets.contains(target)) {
                    throw invalid(field + ".targets: " + quoted(target) + " is not the root, an OU or an account of the fixture");
                }
                if (!attached.add(target)) {
                    throw invalid(field + ".targets: " + quoted(target) + " is listed twice");
                }
            }
        }
    }
}
