package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.mfa.hardware} (CIS v3.0.0 1.6, v5.0.0 1.5, v6.0.0 2.5, v7.0.0 2.6): passes only if root MFA is on and no virtual MFA
 * device is assigned to exactly the root ARN (not a device named like root, not a user called {@code rootops}). Where a
 * central root session lists the root user's devices ({@code rootposture.root-sessions=true}, member accounts), it passes
 * if one of them is a FIDO security key or hardware TOTP token, and names a virtual device beside it.
 *
 * <pre>
 * &#64;RootMfaIsHardware
 * void rootMfaIsHardware(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.mfa.hardware")
public @interface RootMfaIsHardware {
}
