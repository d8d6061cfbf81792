package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code alarm.root-usage} (CIS v3.0.0 4.3, v5.0.0 4.3, v6.0.0 5.3, v7.0.0 5.3; Security Hub CloudWatch.1): passes when a logging multi-region
 * trail delivers to a CloudWatch Logs log group with a metric filter equivalent to the CIS root usage pattern, an alarm on
 * that metric has an action, and the SNS topic it notifies has a confirmed subscriber. A failure names the missing link.
 * A log group in another account (an organization trail, a log-archive account) is judged in that account, read once
 * through the run's session for it, and every account the trail covers gets that verdict with the owner named; it is
 * unable to assess only when the run cannot read that account.
 *
 * <pre>
 * &#64;RootActivityIsAlarmed
 * void rootActivityIsAlarmed(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("alarm.root-usage")
public @interface RootActivityIsAlarmed {
}
