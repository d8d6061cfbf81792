package org.rootposture.evidence;

import java.util.Locale;

/**
 * The e-mail address of the account's root user, as the organization lists its accounts
 * ({@code organizations:ListAccounts}, read once per run), masked: its first letter and its domain.
 *
 * @param address    the masked address, such as {@code a*******@example.com}
 * @param provenance the call that produced it
 */
public record RootEmail(String address, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, RootEmail> RECORD = EvidenceRecord.of("rootEmail", RootEmail.class, "organizations:ListAccounts");

    /** The address's domain, in lower case, such as {@code example.com}. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
