package org.rootposture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a team's own posture check the report metadata of a built-in control: id, title, section, severity, CIS
 * references and remediation become Allure labels and the description.
 *
 * <pre>
 * &#64;ForEachAccount
 * &#64;Control(id = "acme.root.break-glass", title = "Root only used in break-glass windows",
 *          severity = Severity.HIGH, cis = {"v3.0.0:1.7", "v5.0.0:1.6"},
 *          remediation = "Move daily work to IAM roles.")
 * void rootOnlyUsedInBreakGlass(AwsAccount account) {
 *     assertThat(account.root()).notUsedWithin(Duration.ofDays(30));
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Control {

    /** Stable id, e.g. {@code acme.root.break-glass}. */
    String id();

    /** One line that says what is required. */
    String title();

    /** Benchmark or policy the control belongs to (Allure epic). */
    String benchmark() default "Custom controls";

    /** Section within it (Allure feature). */
    String section() default "Custom controls";

    Severity severity() default Severity.MEDIUM;

    /** CIS references written {@code v3.0.0:1.7}. */
    String[] cis() default {};

    /** Why the control matters, one paragraph. */
    String rationale() default "";

    /** What an owner should do about a failure. */
    String remediation() default "";

    /** Documentation links. */
    String[] links() default {};
}
