package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.contacts.security} (CIS v3.0.0 1.2, v5.0.0 1.2, v6.0.0 2.2, v7.0.0 2.3): fails if the account has no SECURITY alternate
 * contact. E-mail addresses and phone numbers appear masked in the evidence.
 *
 * <pre>
 * &#64;SecurityContactRegistered
 * void securityContactRegistered(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.contacts.security")
public @interface SecurityContactRegistered {
}
