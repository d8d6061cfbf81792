package org.rootposture.lab.service;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.rootposture.lab.protocol.Exchange;
import org.rootposture.lab.protocol.LabRequest;

/**
 * One call a service answers: the lab's state, the request, who called, the account it called in, the operation and
 * the request's id.
 */
public record ServiceCall(LabState lab, LabRequest request, Caller caller, AccountState account, String operation, String requestId)
        implements Exchange {

    /** The request's form and query parameters. */
    public Map<String, String> form() {
        return request.form();
    }

    /** The request's JSON body, an empty object when it has none. */
    public JsonNode json() {
        return request.json();
    }
}
