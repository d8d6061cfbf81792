package org.rootposture.lab;

/**
 * Long-term credentials the lab hands out for one of its accounts. They are fake and recognisable on purpose:
 * access key ids start with {@code AKIALAB0}, secrets with {@code labSecretKey/}.
 *
 * @param accessKeyId     {@code AKIALAB0} followed by the 12-digit account id
 * @param secretAccessKey {@code labSecretKey/<account id>/EXAMPLE}
 */
public record LabCredentials(String accessKeyId, String secretAccessKey) {

    static final String ACCESS_KEY_PREFIX = "AKIALAB0";
    static final String SESSION_KEY_PREFIX = "ASIALAB0";
    static final String ROOT_SESSION_KEY_PREFIX = "ASIALAB1";

    static LabCredentials longTerm(String accountId) {
        return new LabCredentials(ACCESS_KEY_PREFIX + accountId, secretFor(accountId));
    }

    static String secretFor(String accountId) {
        return "labSecretKey/" + accountId + "/EXAMPLE";
    }

    static String rootSecretFor(String accountId) {
        return "labSecretKey/" + accountId + "/ROOT/EXAMPLE";
    }

    @Override
    public String toString() {
        return "LabCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
