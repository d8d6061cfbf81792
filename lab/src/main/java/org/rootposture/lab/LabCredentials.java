package org.rootposture.lab;

import org.rootposture.lab.service.Identities;

/**
 * Long-term credentials the lab hands out for one of its accounts. They are fake and recognisable on purpose:
 * access key ids start with {@code AKIALAB0}, secrets with {@code labSecretKey/}.
 *
 * @param accessKeyId     {@code AKIALAB0} followed by the 12-digit account id
 * @param secretAccessKey {@code labSecretKey/<account id>/EXAMPLE}
 */
public record LabCredentials(String accessKeyId, String secretAccessKey) {

    static LabCredentials longTerm(String accountId) {
        return new LabCredentials(Identities.accessKeyId(accountId), Identities.secretAccessKey(accountId));
    }

    @Override
    public String toString() {
        return "LabCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
