package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code trail.multi-region.logging} (CIS v3.0.0 3.1, v5.0.0 3.1, v6.0.0 4.1, v7.0.0 4.1): passes when the account sees a multi-region trail (its own,
 * or its organization's trail) that is logging and whose event selectors log every management event, read and write.
 * With {@code rootposture.await} set, a trail that is not logging yet is waited for; still not logging when the wait
 * ends is unable to assess, naming the trail.
 *
 * <pre>
 * &#64;CloudTrailLogsAllRegions
 * void cloudTrailLogsAllRegions(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("trail.multi-region.logging")
public @interface CloudTrailLogsAllRegions {
}
