package org.rootposture.lab;

import java.time.Instant;

record AssumedRole(String accountId, String roleName, String sessionName, String sessionToken, Instant expiration) {

    String accessKeyId() {
        return LabCredentials.SESSION_KEY_PREFIX + accountId;
    }

    String secretAccessKey() {
        return LabCredentials.secretFor(accountId);
    }

    String assumedRoleId() {
        return "AROALAB0" + accountId + ":" + sessionName;
    }
}
