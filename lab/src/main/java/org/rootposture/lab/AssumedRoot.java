package org.rootposture.lab;

import java.time.Instant;

import org.rootposture.lab.fixture.TaskPolicy;

record AssumedRoot(String accountId, TaskPolicy taskPolicy, String sourceIdentity, String sessionToken, Instant openedAt, Instant expiration) {

    String accessKeyId() {
        return accessKeyIdFor(accountId);
    }

    static String accessKeyIdFor(String accountId) {
        return LabCredentials.ROOT_SESSION_KEY_PREFIX + accountId;
    }

    String secretAccessKey() {
        return LabCredentials.rootSecretFor(accountId);
    }
}
