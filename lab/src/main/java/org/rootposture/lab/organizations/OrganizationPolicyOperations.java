package org.rootposture.lab.organizations;

import static org.rootposture.lab.organizations.OrganizationsCalls.managementOnly;
import static org.rootposture.lab.organizations.OrganizationsCalls.nextToken;
import static org.rootposture.lab.organizations.OrganizationsCalls.page;
import static org.rootposture.lab.organizations.OrganizationsCalls.required;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.OrganizationalUnit;
import org.rootposture.lab.fixture.Policy;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;

/** AWS Organizations: service control policies and what they are attached to. Management account only. */
final class OrganizationPolicyOperations {

    private static final String SCP = "SERVICE_CONTROL_POLICY";
    private static final Set<String> FILTERS = Set.of(SCP, "RESOURCE_CONTROL_POLICY", "DECLARATIVE_POLICY_EC2", "BACKUP_POLICY",
            "TAG_POLICY", "CHATBOT_POLICY", "AISERVICES_OPT_OUT_POLICY", "SECURITYHUB_POLICY");

    private final AwsJsonProtocol protocol;

    OrganizationPolicyOperations(AwsJsonProtocol protocol) {
        this.protocol = protocol;
    }

    Map<String, Operation> operations() {
        return Map.of(
                "ListPolicies", this::listPolicies,
                "ListPoliciesForTarget", this::listPoliciesForTarget,
                "ListTargetsForPolicy", this::listTargetsForPolicy,
                "DescribePolicy", this::describePolicy);
    }

    private LabResponse listPolicies(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        return policies(call, tree, filter(call) ? tree.policies() : List.of());
    }

    private LabResponse listPoliciesForTarget(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        String target = required(call, "TargetId");
        if (!tree.contains(target)) {
            throw LabError.badRequest("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");
        }
        return policies(call, tree, filter(call) ? tree.policiesFor(target) : List.of());
    }

    private LabResponse listTargetsForPolicy(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        Policy policy = policy(call, tree);
        Page<String> page = page(call, tree.targets(policy));
        ObjectNode body = JsonProtocol.object();
        ArrayNode targets = body.putArray("Targets");
        page.items().forEach(id -> targets.addObject()
                .put("TargetId", id)
                .put("Arn", tree.arn(id))
                .put("Name", tree.isRoot(id) ? "Root" : tree.unit(id).map(OrganizationalUnit::name)
                        .orElseGet(() -> tree.account(id).map(Account::name).orElse(id)))
                .put("Type", tree.isRoot(id) ? "ROOT" : tree.unit(id).isPresent() ? "ORGANIZATIONAL_UNIT" : "ACCOUNT"));
        return protocol.result(call, nextToken(body, page));
    }

    private LabResponse describePolicy(ServiceCall call) {
        OrganizationTree tree = managementOnly(call);
        Policy policy = policy(call, tree);
        ObjectNode body = JsonProtocol.object();
        ObjectNode node = body.putObject("Policy");
        summary(tree, node.putObject("PolicySummary"), policy);
        node.put("Content", policy.document());
        return protocol.result(call, body);
    }

    private LabResponse policies(ServiceCall call, OrganizationTree tree, List<Policy> policies) {
        Page<Policy> page = page(call, policies);
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Policies");
        page.items().forEach(policy -> summary(tree, items.addObject(), policy));
        return protocol.result(call, nextToken(body, page));
    }

    private static Policy policy(ServiceCall call, OrganizationTree tree) {
        return tree.policy(required(call, "PolicyId")).orElseThrow(() -> LabError.badRequest("PolicyNotFoundException",
                "We can't find a policy with the PolicyId that you specified."));
    }

    private static boolean filter(ServiceCall call) {
        String filter = required(call, "Filter");
        if (!FILTERS.contains(filter)) {
            throw LabError.invalidInput("Filter must be one of " + FILTERS + ", not " + filter);
        }
        return filter.equals(SCP);
    }

    private static void summary(OrganizationTree tree, ObjectNode node, Policy policy) {
        node.put("Id", policy.id())
                .put("Arn", tree.policyArn(policy))
                .put("Name", policy.name())
                .put("Description", policy.description())
                .put("Type", SCP)
                .put("AwsManaged", policy.awsManaged());
    }
}
