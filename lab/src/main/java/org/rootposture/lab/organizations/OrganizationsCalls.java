package org.rootposture.lab.organizations;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.service.ServiceCall;

/** What every operation of AWS Organizations does with its call: who may ask, pages, required parameters, accounts as JSON. */
final class OrganizationsCalls {

    private OrganizationsCalls() {
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

    static Organization organization(ServiceCall call) {
        return call.lab().organization().orElseThrow(() -> new LabError(400, "AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization."));
    }

    static String accountArn(Organization org, String accountId) {
        return "arn:aws:organizations::" + org.managementAccountId() + ":account/" + org.id() + "/" + accountId;
    }

    private static String joinedMethod(Organization org, Account account) {
        return account.id().equals(org.managementAccountId()) ? "INVITED" : "CREATED";
    }
}
