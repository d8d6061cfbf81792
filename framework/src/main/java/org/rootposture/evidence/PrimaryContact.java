package org.rootposture.evidence;

/**
 * The account's primary contact ({@code account:GetContactInformation}): whom AWS calls or writes to about the account
 * when the root user's mailbox is not enough, such as to recover it. Only what recovery needs is kept: the name, the
 * company, the phone number (masked) and the country; not the postal address.
 *
 * @param registered  whether the account has contact information
 * @param fullName    the contact's full name
 * @param companyName the company, if any
 * @param phone       masked phone number
 * @param countryCode ISO country code of the address
 * @param provenance  the call that produced it
 */
public record PrimaryContact(boolean registered, String fullName, String companyName, String phone, String countryCode, Provenance provenance)
        implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, PrimaryContact> RECORD = EvidenceRecord.of("primaryContact", PrimaryContact.class,
            "account:GetContactInformation");

    public static PrimaryContact none(Provenance provenance) {
        return new PrimaryContact(false, null, null, null, null, provenance);
    }

    public boolean hasName() {
        return registered && fullName != null && !fullName.isBlank();
    }

    public boolean hasPhone() {
        return registered && phone != null && !phone.isBlank();
    }
}
