package org.rootposture.lab;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** AWS Account Management: alternate contacts. */
final class AccountService implements ServiceHandler {

    private static final Set<String> CONTACT_TYPES = Set.of("SECURITY", "BILLING", "OPERATIONS");

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
        return Map.of("GetAlternateContact", this::getAlternateContact);
    }

    private LabResponse getAlternateContact(ServiceCall call) {
        JsonNode request = call.json();
        String type = request.path("AlternateContactType").asText(null);
        if (type == null || !CONTACT_TYPES.contains(type)) {
            throw LabError.validation("Invalid AlternateContactType " + type + ": use one of " + CONTACT_TYPES);
        }
        AccountFixture account = target(call, request.path("AccountId").asText(null));
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

    private static AccountFixture target(ServiceCall call, String accountId) {
        if (accountId == null || accountId.equals(call.caller().accountId())) {
            return call.account().fixture();
        }
        boolean management = call.lab().organization().map(org -> org.managementAccountId().equals(call.caller().accountId())).orElse(false);
        return call.lab().account(accountId).filter(account -> management).map(AccountState::fixture)
                .orElseThrow(() -> LabError.notAuthorized(call.caller(), "account:GetAlternateContact", "arn:aws:account::" + accountId + ":account"));
    }
}
