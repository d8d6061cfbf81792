package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code config.recorder.all-regions} (CIS v3.0.0 3.3, v5.0.0 3.3, v6.0.0 4.3, v7.0.0 4.3): judged in every enabled region, passes when AWS Config
 * has a configuration recorder there that is recording and whose last status is not FAILURE.
 *
 * <pre>
 * &#64;ConfigRecordsAllRegions
 * void configRecordsAllRegions(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("config.recorder.all-regions")
public @interface ConfigRecordsAllRegions {
}
