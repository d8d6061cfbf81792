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
 * devices or signing certificates, read through an {@code sts:AssumeRoot} audit session where the organization enables
 * root sessions, otherwise from the account summary and credential report (the evidence says which).
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
