package org.rootposture.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code org.root-access.centralized} (CIS v7.0.0 2.1.1): on the management account, passes when the organization
 * has both RootCredentialsManagement and RootSessions enabled; member accounts are not applicable (an organization-wide
 * setting, with its state in the reason).
 *
 * <pre>
 * &#64;RootAccessIsCentralized
 * void rootAccessIsCentralized(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("org.root-access.centralized")
public @interface RootAccessIsCentralized {
}
