package org.rootposture.lab.service;

import java.time.Instant;

import org.rootposture.lab.fixture.TaskPolicy;

public record AssumedRoot(String accountId, TaskPolicy taskPolicy, String sourceIdentity, String sessionToken, Instant openedAt, Instant expiration) {

    public String accessKeyId() {
        return accessKeyIdFor(accountId);
    }

    static String accessKeyIdFor(String accountId) {
        return Identities.ROOT_SESSION_KEY_PREFIX + accountId;
    }

    public String secretAccessKey() {
        return "labSecretKey/" + accountId + "/ROOT/EXAMPLE";
    }
}
