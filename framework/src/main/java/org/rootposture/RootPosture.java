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
 * <p>Threads: Root Posture reads the evidence and judges the built-in controls on its own reader threads,
 * {@code rootposture.concurrency} at a time, while JUnit reports the verdicts. Your own code, a {@link Control} method's
 * body, the body of a method with a built-in control annotation, and the class's {@code @BeforeEach} and
 * {@code @AfterEach}, runs on the thread JUnit runs the test on, one invocation after the other: it needs no locks and
 * may keep state that is not thread-safe. It runs concurrently only if you turn on JUnit's parallel execution and make
 * the method or class concurrent ({@code @Execution(CONCURRENT)}, or {@code junit.jupiter.execution.parallel.mode.default
 * = concurrent}); the {@link AwsAccount}, its evidence and clients, and the assertions are safe to share then, your own
 * state must be too.
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
