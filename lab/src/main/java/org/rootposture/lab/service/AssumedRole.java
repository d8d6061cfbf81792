package org.rootposture.lab.service;

import java.time.Instant;

public record AssumedRole(String accountId, String roleName, String sessionName, String sessionToken, Instant expiration) {

    public String accessKeyId() {
        return Identities.SESSION_KEY_PREFIX + accountId;
    }

    public String secretAccessKey() {
        return Identities.secretAccessKey(accountId);
    }

    public String assumedRoleId() {
        return "AROALAB0" + accountId + ":" + sessionName;
    }
}
