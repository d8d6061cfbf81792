package org.rootposture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the method once per target account, displayed as {@code 123456789012 · prod-payments}, with that account
 * as its {@link AwsAccount} parameter. The built-in control annotations (such as {@code @RootMfaIsHardware}) imply it.
 * The body runs on the thread JUnit runs the test on, one account after the other, unless you make the method
 * concurrent with JUnit's parallel execution (see {@link RootPosture}, "Threads").
 *
 * <pre>
 * &#64;ForEachAccount
 * &#64;Control(id = "acme.root.keys", title = "No root keys")
 * void noRootKeys(AwsAccount account) {
 *     assertThat(account.root()).hasNoAccessKeys();
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(RootPostureExtension.class)
public @interface ForEachAccount {
}
