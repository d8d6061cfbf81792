package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code config.root-rules.compliant}: in the run's region ({@code rootposture.region}, where Config evaluates
 * global IAM resources), the AWS managed rules {@code root-account-mfa-enabled}, {@code root-account-hardware-mfa-enabled}
 * and {@code iam-root-access-key-check} are deployed (matched by their source identifier, whatever their names) and
 * compliant; NOT_APPLICABLE from Config counts as compliant, with the reason. Right after a deployment Config may not have
 * evaluated yet: with {@code rootposture.await} (e.g. {@code PT5M}) INSUFFICIENT_DATA is waited for; without it, or when
 * the wait ends, it is unable to assess, naming the rules still pending.
 *
 * <pre>
 * &#64;ConfigRootRulesCompliant
 * void configRootRulesCompliant(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("config.root-rules.compliant")
public @interface ConfigRootRulesCompliant {
}
