package org.rootposture.lab.organizations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
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
        Organization org = organization(call);
        Account management = call.lab().fixture().account(org.managementAccountId()).orElseThrow();
        ObjectNode body = JsonProtocol.object();
        ObjectNode organization = body.putObject("Organization")
                .put("Id", org.id())
                .put("Arn", "arn:aws:organizations::" + org.managementAccountId() + ":organization/" + org.id())
                .put("FeatureSet", org.featureSet().name())
                .put("MasterAccountArn", accountArn(org, org.managementAccountId()))
                .put("MasterAccountId", org.managementAccountId())
                .put("MasterAccountEmail", management.email());
        organization.putArray("AvailablePolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        return protocol.result(call, body);
    }

    private LabResponse listAccounts(ServiceCall call) {
        Organization org = managementOnly(call).organization();
        Page<Account> page = page(call, call.lab().fixture().accounts());
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Accounts");
        page.items().forEach(account -> account(call, org, items, account));
        return protocol.result(call, nextToken(body, page));
    }

    static void account(ServiceCall call, Organization org, ArrayNode items, Account account) {
        items.addObject()
                .put("Id", account.id())
                .put("Arn", accountArn(org, account.id()))
                .put("Email", account.email())
                .put("Name", account.name())
                .put("Status", account.status().name())
                .put("State", account.status().name())
                .put("JoinedMethod", joinedMethod(org, account))
                .put("JoinedTimestamp", call.lab().time(account.joined()).getEpochSecond());
    }

    static OrganizationTree managementOnly(ServiceCall call) {
        Organization org = organization(call);
        if (!org.managementAccountId().equals(call.caller().accountId())) {
            throw new LabError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
        }
        return OrganizationTree.of(call.lab().fixture());
    }

    static <T> Page<T> page(ServiceCall call, List<T> items) {
        var request = call.json();
        return Page.of(items, request.path("NextToken").asText(null), request.path("MaxResults").asText(null), call.lab().fixture().pageSize());
    }

    static ObjectNode nextToken(ObjectNode body, Page<?> page) {
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
        return body;
    }

    static String required(ServiceCall call, String parameter) {
        String value = call.json().path(parameter).asText(null);
        if (value == null || value.isBlank()) {
            throw LabError.invalidInput("You provided a value that does not match the required pattern: " + parameter + " is missing.");
        }
        return value;
    }

    private static Organization organization(ServiceCall call) {
        return call.lab().organization().orElseThrow(() -> new LabError(400, "AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization."));
    }

    private static String accountArn(Organization org, String accountId) {
        return "arn:aws:organizations::" + org.managementAccountId() + ":account/" + org.id() + "/" + accountId;
    }

    private static String joinedMethod(Organization org, Account account) {
        return account.id().equals(org.managementAccountId()) ? "INVITED" : "CREATED";
    }
}
