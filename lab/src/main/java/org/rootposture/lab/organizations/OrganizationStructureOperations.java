package org.rootposture.lab.organizations;

import static org.rootposture.lab.organizations.OrganizationsCalls.managementOnly;
import static org.rootposture.lab.organizations.OrganizationsCalls.nextToken;
import static org.rootposture.lab.organizations.OrganizationsCalls.page;
import static org.rootposture.lab.organizations.OrganizationsCalls.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;

/** AWS Organizations: the root, the OUs, which account or OU sits where, and account tags. Management account only. */
final class OrganizationStructureOperations {

    private final AwsJsonProtocol protocol;

    OrganizationStructureOperations(AwsJsonProtocol protocol) {
        this.protocol = protocol;
    }

    Map<String, Operation> operations() {
        return Map.of(
                "ListRoots", this::listRoots,
                "ListOrganizationalUnitsForParent", this::listOrganizationalUnitsForParent,
                "DescribeOrganizationalUnit", this::describeOrganizationalUnit,
                "ListParents", this::listParents,
                "ListChildren", this::listChildren,
                "ListAccountsForParent", this::listAccountsForParent,
                "ListTagsForResource", this::listTagsForResource);
    }

    private LabResponse listRoots(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        Page<String> page = page(call, List.of(tree.rootId()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode roots = body.putArray("Roots");
        page.items().forEach(id -> {
            ObjectNode root = roots.addObject().put("Id", id).put("Arn", tree.arn(id)).put("Name", "Root");
            ArrayNode types = root.putArray("PolicyTypes");
            if (tree.organization().featureSet() == Organization.FeatureSet.ALL) {
                types.addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
            }
        });
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse listOrganizationalUnitsForParent(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        Page<OrganizationalUnit> page = page(call, tree.unitsUnder(parent(call, tree)));
        ObjectNode body = JsonProtocol.object();
        ArrayNode units = body.putArray("OrganizationalUnits");
        page.items().forEach(unit -> unit(tree, units.addObject(), unit));
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse describeOrganizationalUnit(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        OrganizationalUnit unit = tree.unit(required(call, "OrganizationalUnitId")).orElseThrow(() -> LabError.badRequest(
                "OrganizationalUnitNotFoundException", "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified."));
        ObjectNode body = JsonProtocol.object();
        unit(tree, body.putObject("OrganizationalUnit"), unit);
        return protocol.result(call, body);
    }

    private LabResponse listParents(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        String parent = tree.parentOf(required(call, "ChildId")).orElseThrow(() -> LabError.badRequest("ChildNotFoundException",
                "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified."));
        Page<String> page = page(call, List.of(parent));
        ObjectNode body = JsonProtocol.object();
        ArrayNode parents = body.putArray("Parents");
        page.items().forEach(id -> parents.addObject().put("Id", id).put("Type", tree.isRoot(id) ? "ROOT" : "ORGANIZATIONAL_UNIT"));
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse listChildren(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        String parent = parent(call, tree);
        String type = required(call, "ChildType");
        List<String> children = new ArrayList<>();
        switch (type) {
            case "ACCOUNT" -> tree.accountsUnder(parent).forEach(account -> children.add(account.id()));
            case "ORGANIZATIONAL_UNIT" -> tree.unitsUnder(parent).forEach(unit -> children.add(unit.id()));
            default -> throw LabError.invalidInput("ChildType must be ACCOUNT or ORGANIZATIONAL_UNIT, not " + type);
        }
        Page<String> page = page(call, children);
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Children");
        page.items().forEach(id -> items.addObject().put("Id", id).put("Type", type));
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse listAccountsForParent(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        Page<Account> page = page(call, tree.accountsUnder(parent(call, tree)));
        ObjectNode body = JsonProtocol.object();
        ArrayNode accounts = body.putArray("Accounts");
        page.items().forEach(account -> OrganizationsCalls.account(call, tree.organization(), accounts, account));
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse listTagsForResource(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        String resource = required(call, "ResourceId");
        if (!tree.contains(resource) && tree.policy(resource).isEmpty()) {
            throw LabError.badRequest("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");
        }
        Map<String, String> tags = tree.account(resource).map(Account::tags).orElse(Map.of());
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Tags");
        tags.forEach((key, value) -> items.addObject().put("Key", key).put("Value", value));
        return protocol.result(call, body);
    }

    private static String parent(ServiceCall call, OrganizationTree tree) {
        String parent = required(call, "ParentId");
        if (!tree.isParent(parent)) {
            throw LabError.badRequest("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
        }
        return parent;
    }

    private static void unit(OrganizationTree tree, ObjectNode node, OrganizationalUnit unit) {
        node.put("Id", unit.id()).put("Arn", tree.arn(unit.id())).put("Name", unit.name());
    }
}
