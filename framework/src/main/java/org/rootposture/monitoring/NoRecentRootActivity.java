package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code trail.root-activity.none-recent} (CIS v3.0.0 1.7, v5.0.0 1.6, v6.0.0 2.6, v7.0.0 2.7): judged in every enabled region, fails if
 * the region's CloudTrail event history holds an event of the root user within the window, and lists the events (time,
 * name, source IP, region). Events AWS services perform as root ({@code AwsServiceEvent}, {@code userIdentity.invokedBy})
 * do not count. Events of central root sessions ({@code sts:AssumeRoot} from the management account,
 * {@code sessionContext.assumedRoot = "true"}) are privileged tasks, not use of the root user's own credentials: they
 * are listed apart, with who opened the session where the management account's {@code AssumeRoot} events can be read,
 * and do not fail. The window is {@link #days()}, or {@code rootposture.usage-window-days} (default 90); the event history
 * keeps 90 days, so a longer window without events is unable to assess.
 *
 * <pre>
 * &#64;NoRecentRootActivity(days = 30)
 * void noRootActivityThisMonth(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("trail.root-activity.none-recent")
public @interface NoRecentRootActivity {

    /** The window in days; 0 (the default) means the run's {@code rootposture.usage-window-days}. */
    int days() default 0;
}
