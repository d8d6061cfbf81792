package org.rootposture.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code org.scp.root-mfa} (CIS v7.0.0 2.1.2, as a weaker guardrail): passes when an SCP on the account's chain denies the root user's actions with
 * {@code BoolIfExists aws:MultiFactorAuthPresent "false"} (a full root denial also passes). {@code Bool} fails, naming
 * the statement: a request signed with root access keys carries no {@code aws:MultiFactorAuthPresent}, and {@code Bool}
 * does not match a missing key, so such a request is not denied.
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
