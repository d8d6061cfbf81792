package org.rootposture.lab.account;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.AlternateContact;
import org.rootposture.lab.fixture.ContactInformation;
import org.rootposture.lab.fixture.Monitoring;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.RestJsonProtocol;
import org.rootposture.lab.service.AccountState;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** AWS Account Management: alternate contacts, the primary contact and regions. */
public final class AccountService implements ServiceHandler {

    private static final int MAX_REGIONS = 50;
    private static final int DEFAULT_REGIONS_PAGE = 20;

    private final RestJsonProtocol protocol = new RestJsonProtocol();

    @Override
    public String service() {
        return "account";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "GetAlternateContact", this::getAlternateContact,
                "ListRegions", this::listRegions,
                "GetContactInformation", this::getContactInformation);
    }

    private LabResponse getAlternateContact(ServiceCall call) {
        JsonNode request = call.json();
        String type = request.path("AlternateContactType").asText(null);
        AlternateContact.Type contactType = Arrays.stream(AlternateContact.Type.values()).filter(value -> value.name().equals(type)).findFirst()
                .orElseThrow(() -> LabError.validation("Invalid AlternateContactType " + type + ": use one of " + Arrays.toString(AlternateContact.Type.values())));
        Account account = target(call, request.path("AccountId").asText(null), "account:GetAlternateContact");
        AlternateContact contact = account.alternateContacts().get(contactType);
        if (contact == null) {
            throw new LabError(404, "ResourceNotFoundException", "No contact of the inputted alternate contact type found.");
        }
        ObjectNode body = JsonProtocol.object();
        body.putObject("AlternateContact")
                .put("AlternateContactType", type)
                .put("EmailAddress", contact.emailAddress())
                .put("Name", contact.name())
                .put("PhoneNumber", contact.phoneNumber())
                .put("Title", contact.title());
        return protocol.result(call, body);
    }

    private LabResponse getContactInformation(ServiceCall call) {
        ContactInformation contact = target(call, call.json().path("AccountId").asText(null), "account:GetContactInformation").primaryContact();
        if (contact == null) {
            throw new LabError(404, "ResourceNotFoundException", "No contact information found for the account.");
        }
        ObjectNode body = JsonProtocol.object();
        body.putObject("ContactInformation")
                .put("FullName", contact.fullName())
                .put("CompanyName", contact.companyName())
                .put("PhoneNumber", contact.phoneNumber())
                .put("AddressLine1", contact.addressLine1())
                .put("City", contact.city())
                .put("PostalCode", contact.postalCode())
                .put("CountryCode", contact.countryCode());
        return protocol.result(call, body);
    }

    private LabResponse listRegions(ServiceCall call) {
        JsonNode request = call.json();
        List<String> statuses = JsonProtocol.texts(request.path("RegionOptStatusContains"));
        statuses.stream().filter(status -> Arrays.stream(Monitoring.RegionStatus.values()).noneMatch(value -> value.name().equals(status)))
                .findFirst().ifPresent(status -> {
            throw LabError.validation("Invalid RegionOptStatus " + status + ": use one of " + Arrays.toString(Monitoring.RegionStatus.values()));
        });
        String maxResults = request.path("MaxResults").asText(null);
        if (maxResults != null && (request.path("MaxResults").asInt() < 1 || request.path("MaxResults").asInt() > MAX_REGIONS)) {
            throw LabError.validation("MaxResults must be between 1 and " + MAX_REGIONS + ", not " + maxResults);
        }
        Account account = target(call, request.path("AccountId").asText(null), "account:ListRegions");
        List<Map.Entry<String, Monitoring.RegionStatus>> regions = account.monitoring().regions().entrySet().stream()
                .filter(region -> statuses.isEmpty() || statuses.contains(region.getValue().name()))
                .toList();
        Page<Map.Entry<String, Monitoring.RegionStatus>> page = Page.of(regions, request.path("NextToken").asText(null), maxResults,
                Math.min(DEFAULT_REGIONS_PAGE, call.lab().fixture().pageSize()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Regions");
        page.items().forEach(region -> items.addObject().put("RegionName", region.getKey()).put("RegionOptStatus", region.getValue().name()));
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
        return protocol.result(call, body);
    }

    private static Account target(ServiceCall call, String accountId, String action) {
        if (accountId == null || accountId.equals(call.caller().accountId())) {
            return call.account().fixture();
        }
        boolean management = call.lab().organization().map(org -> org.managementAccountId().equals(call.caller().accountId())).orElse(false);
        return call.lab().account(accountId).filter(account -> management).map(AccountState::fixture)
                .orElseThrow(() -> LabError.notAuthorized(call.caller().arn(), action, "arn:aws:account::" + accountId + ":account"));
    }
}
