package org.rootposture.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code guardduty.root-findings.alerted}: judged in every enabled region, passes when GuardDuty's detector is
 * enabled there and an enabled EventBridge rule on the default event bus, with a target, matches GuardDuty's
 * {@code Policy:IAMUser/RootCredentialUsage} finding, a Low-severity finding that a rule keeping only severity 4 and
 * above misses. EventBridge itself decides the match ({@code events:TestEventPattern} with a sample finding). The
 * rule may be the account's own or the GuardDuty administrator account's (a delegated administrator, or one that
 * invited the account), which receives its members' findings; the verdict names the rule and whose it is.
 *
 * <pre>
 * &#64;RootFindingsAreAlerted
 * void guardDutyTellsSomeoneWhenRootIsUsed(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("guardduty.root-findings.alerted")
public @interface RootFindingsAreAlerted {
}
