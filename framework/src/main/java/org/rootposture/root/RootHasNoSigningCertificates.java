package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.signing-certificates.absent}: fails if the root user has an X.509 signing certificate.
 *
 * <pre>
 * &#64;RootHasNoSigningCertificates
 * void rootHasNoSigningCertificates(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.signing-certificates.absent")
public @interface RootHasNoSigningCertificates {
}
