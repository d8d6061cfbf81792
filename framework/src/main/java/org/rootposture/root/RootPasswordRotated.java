package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.password.rotated}: fails if the root password was not set on or after the day someone's access to
 * the root user was last revoked, {@link #revokedOn()} or the run's {@code rootposture.root-access-revoked-on}; passes
 * for a root user without a password, and is not applicable when no day is given. Decided from a root session's login
 * profile, the credential report's {@code password_last_changed} where it holds a date, and the root user's
 * {@code PasswordUpdated} and {@code PasswordRecoveryCompleted} sign-in events in CloudTrail's event history
 * (us-east-1, 90 days); a day older than the event history with no other evidence is UNABLE_TO_ASSESS.
 *
 * <pre>
 * &#64;RootPasswordRotated(revokedOn = "2026-10-01")   // the day the last break-glass holder left
 * void rootPasswordChangedAfterOffboarding(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.password.rotated")
public @interface RootPasswordRotated {

    /** The day access was revoked, ISO-8601 such as {@code 2026-10-01}; empty (the default) means the run's {@code rootposture.root-access-revoked-on}. */
    String revokedOn() default "";
}
