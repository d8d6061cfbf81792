package org.rootposture.lab.service;

import java.time.Instant;

import org.rootposture.lab.fixture.TaskPolicy;

/** A root session of {@code sts:AssumeRoot} the lab handed out: access key ids start with {@code ASIALAB1}. */
public record AssumedRoot(String accountId, TaskPolicy taskPolicy, String sourceIdentity, String sessionToken, Instant openedAt, Instant expiration) {

    static final String KEY_PREFIX = "ASIALAB1";

    public String accessKeyId() {
        return accessKeyIdFor(accountId);
    }

    static String accessKeyIdFor(String accountId) {
        return KEY_PREFIX + accountId;
    }

    public String secretAccessKey() {
        return "labSecretKey/" + accountId + "/ROOT/EXAMPLE";
    }
}
