package org.rootposture.lab;

import java.time.Instant;

record RootSession(String accountId, RootTaskPolicy taskPolicy, String sourceIdentity, String sessionToken, Instant expiration) {

    String accessKeyId() {
        return LabCredentials.ROOT_SESSION_KEY_PREFIX + accountId;
    }

    String secretAccessKey() {
        return LabCredentials.rootSecretFor(accountId);
    }
}
