package org.rootposture.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code org.scp.root-mfa}: passes when an SCP on the account's chain denies the root user's actions when
 * {@code aws:MultiFactorAuthPresent} is false (a full root denial also passes).
 *
 * <pre>
 * &#64;ScpDeniesRootWithoutMfa
 * void scpDeniesRootWithoutMfa(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("org.scp.root-mfa")
public @interface ScpDeniesRootWithoutMfa {
}
