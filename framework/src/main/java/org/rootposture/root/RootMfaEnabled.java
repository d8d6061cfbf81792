package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.mfa.enabled} (CIS v3.0.0 1.5, v5.0.0 1.4, v6.0.0 2.4, v7.0.0 2.5): fails if root MFA is off while the root user has a
 * password, access keys or certificates; not applicable where root credentials were removed centrally.
 *
 * <pre>
 * &#64;RootMfaEnabled
 * void rootMfaEnabled(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.mfa.enabled")
public @interface RootMfaEnabled {
}
