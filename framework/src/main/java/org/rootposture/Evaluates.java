package org.rootposture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as the front door of a built-in control: a method carrying it becomes a {@link ForEachAccount}
 * test whose control the framework evaluates before the method body runs. An {@code int days()} element, where
 * present and positive, sets the usage window.
 *
 * <pre>
 * &#64;Retention(RetentionPolicy.RUNTIME)
 * &#64;Target(ElementType.METHOD)
 * &#64;ForEachAccount
 * &#64;Evaluates("root.mfa.hardware")
 * public &#64;interface RootMfaIsHardware { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Evaluates {

    /** The control id in the built-in catalogue. */
    String value();
}
