package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.access-keys.absent} (CIS v3.0.0 1.4, v5.0.0 1.3, v6.0.0 2.3, v7.0.0 2.4): fails if the root user has any access key,
 * active or inactive; the reason lists each key, whether active and when it was last used.
 *
 * <pre>
 * &#64;RootHasNoAccessKeys
 * void rootHasNoAccessKeys(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.access-keys.absent")
public @interface RootHasNoAccessKeys {
}
