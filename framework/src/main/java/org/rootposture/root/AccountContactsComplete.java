package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.contacts.complete} (automates CIS v3.0.0 1.1, v5.0.0 1.1): fails if the account lacks a BILLING,
 * OPERATIONS or SECURITY alternate contact, or a primary contact with a name and a phone number, and names what is
 * missing. E-mail addresses and phone numbers appear masked in the evidence.
 *
 * <pre>
 * &#64;AccountContactsComplete
 * void contactsComplete(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.contacts.complete")
public @interface AccountContactsComplete {
}
