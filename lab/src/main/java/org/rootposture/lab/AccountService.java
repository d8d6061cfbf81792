package org.rootposture.lab;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AWS Account Management: alternate contacts and regions. */
final class AccountService implements ServiceHandler {

    private static final Set<String> CONTACT_TYPES = Set.of("SECURITY", "BILLING", "OPERATIONS");
    private static final List<String> OPT_STATUSES = List.of("ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT");
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
                "ListRegions", this::listRegions);
    }

    private LabResponse getAlternateContact(ServiceCall call) {
        JsonNode request = call.json();
        String type = request.path("AlternateContactType").asText(null);
        if (type == null || !CONTACT_TYPES.contains(type)) {
            throw LabError.validation("Invalid AlternateContactType " + type + ": use one of " + CONTACT_TYPES);
        }
        AccountFixture account = target(call, request.path("AccountId").asText(null), "account:GetAlternateContact");
        AlternateContactFixture contact = account.alternateContacts().get(type);
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

    private LabResponse listRegions(ServiceCall call) {
        JsonNode request = call.json();
        List<String> statuses = JsonProtocol.texts(request.path("RegionOptStatusContains"));
        statuses.stream().filter(status -> !OPT_STATUSES.contains(status)).findFirst().ifPresent(status -> {
            throw LabError.validation("Invalid RegionOptStatus " + status + ": use one of " + OPT_STATUSES);
        });
        String maxResults = request.path("MaxResults").asText(null);
        if (maxResults != null && (request.path("MaxResults").asInt() < 1 || request.path("MaxResults").asInt() > MAX_REGIONS)) {
            throw LabError.validation("MaxResults must be between 1 and " + MAX_REGIONS + ", not " + maxResults);
        }
        AccountFixture account = target(call, request.path("AccountId").asText(null), "account:ListRegions");
        List<Map.Entry<String, String>> regions = account.monitoring().regions().entrySet().stream()
                .filter(region -> statuses.isEmpty() || statuses.contains(region.getValue()))
                .toList();
        Page<Map.Entry<String, String>> page = Page.of(regions, request.path("NextToken").asText(null), maxResults,
                Math.min(DEFAULT_REGIONS_PAGE, call.lab().fixture().pageSize()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Regions");
        page.items().forEach(region -> items.addObject().put("RegionName", region.getKey()).put("RegionOptStatus", region.getValue()));
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
        return protocol.result(call, body);
    }

    private static AccountFixture target(ServiceCall call, String accountId, String action) {
        if (accountId == null || accountId.equals(call.caller().accountId())) {
            return call.account().fixture();
        }
        boolean management = call.lab().organization().map(org -> org.managementAccountId().equals(call.caller().accountId())).orElse(false);
        return call.lab().account(accountId).filter(account -> management).map(AccountState::fixture)
                .orElseThrow(() -> LabError.notAuthorized(call.caller(), action, "arn:aws:account::" + accountId + ":account"));
    }
}
