package org.rootposture.lab.service;

import java.time.Instant;

/** A session of {@code sts:AssumeRole} the lab handed out: access key ids start with {@code ASIALAB0}. */
public record AssumedRole(String accountId, String roleName, String sessionName, String sessionToken, Instant expiration) {

    static final String KEY_PREFIX = "ASIALAB0";

    public String accessKeyId() {
        return KEY_PREFIX + accountId;
    }

    public String secretAccessKey() {
        return secretFor(accountId);
    }

    public String assumedRoleId() {
        return "AROALAB0" + accountId + ":" + sessionName;
    }

    /** The secret of the account's long-term key and of its role sessions. */
    static String secretFor(String accountId) {
        return "labSecretKey/" + accountId + "/EXAMPLE";
    }
}
