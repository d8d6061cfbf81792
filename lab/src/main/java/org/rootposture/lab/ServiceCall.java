package org.rootposture.lab;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

record ServiceCall(LabState lab, LabRequest request, Caller caller, AccountState account, String operation, String requestId) {

    Map<String, String> form() {
        return request.form();
    }

    JsonNode json() {
        return request.json();
    }
}
