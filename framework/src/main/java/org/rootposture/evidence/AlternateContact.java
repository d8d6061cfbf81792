package org.rootposture.evidence;

import java.util.List;

/**
 * One of the account's alternate contacts ({@code account:GetAlternateContact}): the SECURITY, BILLING or OPERATIONS
 * contact AWS writes to besides the account's e-mail address. The e-mail address and phone number are kept masked.
 *
 * <pre>
 * AlternateContact security = account.evidence().alternateContact(AlternateContact.Type.SECURITY);
 * </pre>
 *
 * @param contactType which contact
 * @param registered  whether the account has one
 * @param name        contact name
 * @param title       contact title
 * @param email       masked e-mail address
 * @param phone       masked phone number
 * @param provenance  the call that produced it
 */
public record AlternateContact(Type contactType, boolean registered, String name, String title, String email, String phone, Provenance provenance)
        implements Evidence {

    /** The description of this record, one per contact type. */
    public static final EvidenceRecord<Type, AlternateContact> RECORD = EvidenceRecord.of("alternateContact", AlternateContact.class,
            (Type type) -> List.of(type.name()), "account:GetAlternateContact");

    /** The kinds of alternate contact, as the Account Management API names them. */
    public enum Type { BILLING, OPERATIONS, SECURITY }

    public static AlternateContact none(Type contactType, Provenance provenance) {
        return new AlternateContact(contactType, false, null, null, null, null, provenance);
    }

    /** {@code Security Team (CISO), s*******@example.com}. */
    public String describe() {
        return name + (title == null ? "" : " (" + title + ")") + ", " + email;
    }
}
