package org.rootposture.evidence;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The IAM account summary ({@code iam:GetAccountSummary}): counters such as {@code AccountMFAEnabled},
 * {@code AccountAccessKeysPresent}, {@code AccountSigningCertificatesPresent} and {@code AccountPasswordPresent}.
 */
public record AccountSummary(Map<String, Integer> summaryMap, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, AccountSummary> RECORD = EvidenceRecord.of("accountSummary", AccountSummary.class, "iam:GetAccountSummary");

    public static final String MFA_ENABLED = "AccountMFAEnabled";
    public static final String ACCESS_KEYS_PRESENT = "AccountAccessKeysPresent";
    public static final String SIGNING_CERTIFICATES_PRESENT = "AccountSigningCertificatesPresent";
    public static final String PASSWORD_PRESENT = "AccountPasswordPresent";

    public AccountSummary {
        summaryMap = new TreeMap<>(summaryMap);
    }

    /** The counter, absent where this summary did not include it. */
    public Optional<Integer> value(String key) {
        return Optional.ofNullable(summaryMap.get(key));
    }

    /** The counter, or unavailable evidence naming the missing key. */
    public int required(String key) {
        return value(key).orElseThrow(() -> new EvidenceUnavailableException("iam:GetAccountSummary", "MissingKey",
                "the account summary has no " + key + " entry"));
    }
}
