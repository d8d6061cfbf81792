package org.rootposture.assertions;

import org.rootposture.AwsAccount;
import org.rootposture.internal.controls.BeyondCisControls;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.RootCredentialControls;

/**
 * Assertions on an account as a whole, decided by the same code as the built-in control annotations.
 *
 * <pre>
 * assertThat(account).hasSecurityContact().hasCompleteContacts();
 * assertThat(account).satisfies(RootCredentialControls.MFA_HARDWARE);
 * </pre>
 */
public final class AwsAccountAssert extends ControlAssertions<AwsAccountAssert, AwsAccount> {

    AwsAccountAssert(AwsAccount actual) {
        super(actual, AwsAccountAssert.class);
    }

    /**
     * A SECURITY alternate contact is registered ({@code root.contacts.security}).
     *
     * <pre>assertThat(account).hasSecurityContact();</pre>
     */
    public AwsAccountAssert hasSecurityContact() {
        isNotNull();
        return satisfies(actual, RootCredentialControls.SECURITY_CONTACT, actual.context());
    }

    /**
     * BILLING, OPERATIONS and SECURITY alternate contacts, and a primary contact with a name and a phone number
     * ({@code root.contacts.complete}).
     *
     * <pre>assertThat(account).hasCompleteContacts();</pre>
     */
    public AwsAccountAssert hasCompleteContacts() {
        isNotNull();
        return satisfies(actual, BeyondCisControls.CONTACTS_COMPLETE, actual.context());
    }

    /**
     * Any built-in control passes on this account.
     *
     * <pre>assertThat(account).satisfies(RootCredentialControls.ACCESS_KEYS_ABSENT);</pre>
     */
    public AwsAccountAssert satisfies(BuiltInControl control) {
        isNotNull();
        return satisfies(actual, control, actual.context());
    }
}
