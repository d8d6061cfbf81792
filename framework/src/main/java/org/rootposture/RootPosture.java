package org.rootposture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a JUnit 5 class a posture test class: its {@link ForEachAccount} methods run once per target account, with
 * the account injected as an {@link AwsAccount} parameter. Targets, role, region and the rest come from the settings
 * ({@code rootposture.*} system properties, {@code ROOTPOSTURE_*} environment variables, {@code rootposture.properties});
 * credentials from the AWS SDK's default chain. A wrong setting fails the class before any test runs, with a message
 * naming the setting.
 *
 * <pre>
 * &#64;RootPosture
 * class RootCredentialsTest {
 *
 *     &#64;RootMfaIsHardware
 *     void rootMfaIsHardware(AwsAccount account) { }
 *
 *     &#64;ForEachAccount
 *     &#64;Control(id = "acme.root.break-glass", title = "Root only used in break-glass windows")
 *     void rootOnlyUsedInBreakGlass(AwsAccount account) {
 *         assertThat(account.root()).hasNoAccessKeys().notUsedWithin(Duration.ofDays(30));
 *     }
 * }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RootPostureExtension.class)
public @interface RootPosture {
}
