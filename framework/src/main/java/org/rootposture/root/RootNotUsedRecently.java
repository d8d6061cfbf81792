package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.usage.none-recent} (CIS v3.0.0 1.7, v5.0.0 1.6, v6.0.0 2.6, v7.0.0 2.7): fails if the most recent use of the root
 * password or either access key falls within the window; the window is {@link #days()}, or
 * {@code rootposture.usage-window-days} (default 90) when not given.
 *
 * <pre>
 * &#64;RootNotUsedRecently(days = 30)
 * void rootNotUsedInThirtyDays(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.usage.none-recent")
public @interface RootNotUsedRecently {

    /** The usage window in days; 0 (the default) means the run's {@code rootposture.usage-window-days}. */
    int days() default 0;
}
