package org.rootposture.lab.organizations;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** AWS Organizations: the organization, its accounts, its root and OUs, and its service control policies. */
public final class OrganizationsService implements ServiceHandler {

    private final AwsJsonProtocol protocol = new AwsJsonProtocol();
    private final OrganizationStructureOperations structure = new OrganizationStructureOperations(protocol);
    private final OrganizationPolicyOperations policies = new OrganizationPolicyOperations(protocol);

    @Override
    public String service() {
        return "organizations";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        Map<String, Operation> operations = new HashMap<>(Map.of(
                "DescribeOrganization", this::describeOrganization,
                "ListAccounts", this::listAccounts));
        operations.putAll(structure.operations());
        operations.putAll(policies.operations());
        return Map.copyOf(operations);
    }

    private LabResponse describeOrganization(ServiceCall call) {
        Organization org = OrganizationsCalls.organization(call);
        Account management = call.lab().fixture().account(org.managementAccountId()).orElseThrow();
        ObjectNode body = JsonProtocol.object();
        ObjectNode organization = body.putObject("Organization")
                .put("Id", org.id())
                .put("Arn", "arn:aws:organizations::" + org.managementAccountId() + ":organization/" + org.id())
                .put("FeatureSet", org.featureSet().name())
                .put("MasterAccountArn", OrganizationsCalls.accountArn(org, org.managementAccountId()))
                .put("MasterAccountId", org.managementAccountId())
                .put("MasterAccountEmail", management.email());
        organization.putArray("AvailablePolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        return protocol.result(call, body);
    }

    private LabResponse listAccounts(ServiceCall call) {
        Organization org = OrganizationsCalls.managementOnly(call).organization();
        Page<Account> page = OrganizationsCalls.page(call, call.lab().fixture().accounts());
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Accounts");
        page.items().forEach(account -> OrganizationsCalls.account(call, org, items, account));
        return protocol.result(call, OrganizationsCalls.nextToken(body, page));
    }

}
