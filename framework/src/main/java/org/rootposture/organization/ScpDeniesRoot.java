package org.rootposture.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code org.scp.root-denied} (CIS v7.0.0 2.1.2): passes when an SCP anywhere on the account's chain (root,
 * each OU, the account) denies every action by the root user. The evidence shows the chain, every SCP considered and the
 * statement that qualified or why none did. The management account is not applicable: SCPs never apply to it.
 *
 * <pre>
 * &#64;ScpDeniesRoot
 * void scpDeniesRoot(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("org.scp.root-denied")
public @interface ScpDeniesRoot {
}
