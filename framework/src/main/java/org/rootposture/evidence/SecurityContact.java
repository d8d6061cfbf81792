package org.rootposture.evidence;

/**
 * The account's SECURITY alternate contact ({@code account:GetAlternateContact}). The e-mail address and phone
 * number are kept masked.
 *
 * @param registered  whether a SECURITY contact exists
 * @param name        contact name
 * @param title       contact title
 * @param email       masked e-mail address
 * @param phone       masked phone number
 * @param provenance  the call that produced it
 */
public record SecurityContact(boolean registered, String name, String title, String email, String phone, Provenance provenance)
        implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, SecurityContact> RECORD = EvidenceRecord.of("securityContact", SecurityContact.class, "account:GetAlternateContact");

    public static SecurityContact none(Provenance provenance) {
        return new SecurityContact(false, null, null, null, null, provenance);
    }
}
