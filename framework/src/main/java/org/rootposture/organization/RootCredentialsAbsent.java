package org.rootposture.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.credentials.absent}: passes when a member account's root user has no password, access keys, MFA
 * devices or signing certificates. With {@code rootposture.root-sessions=true} and root sessions enabled for the
 * organization it is read through an {@code sts:AssumeRoot} audit session that sees the root user directly (each session
 * leaves root events in the member's CloudTrail, on which the CIS root usage alarm fires); otherwise from the account
 * summary and credential report. The verdict says which, and how to enable the session.
 *
 * <pre>
 * &#64;RootCredentialsAbsent
 * void rootCredentialsAbsent(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.credentials.absent")
public @interface RootCredentialsAbsent {
}
