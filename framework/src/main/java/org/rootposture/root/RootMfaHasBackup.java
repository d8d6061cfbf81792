package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.mfa.backup}: fails unless the root user has at least two MFA devices, each named with its kind
 * from its serial number ({@code …:mfa/…} virtual, {@code …:u2f/…} FIDO security key or passkey, any other serial a
 * hardware TOTP token). The devices are listed through a central root session: without
 * {@code rootposture.root-sessions=true} (and root sessions enabled for the organization) it is not applicable, saying
 * how to enable them; so is it for the management account, whose root user no root session can read.
 *
 * <pre>
 * &#64;RootMfaHasBackup
 * void rootMfaHasBackup(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.mfa.backup")
public @interface RootMfaHasBackup {
}
