package org.rootposture.root;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rootposture.Evaluates;
import org.rootposture.ForEachAccount;

/**
 * Control {@code root.email.corporate-domain}: fails if the root user's e-mail address, as the organization lists the
 * account, is not on one of {@code rootposture.root-email-domains} (a subdomain counts: {@code mail.acme.com} is on
 * {@code acme.com}); without that setting, fails only for well-known personal mail providers such as
 * {@code gmail.com}. Not applicable outside an organization. The address appears masked: its first letter and domain.
 *
 * <pre>
 * &#64;RootEmailOnCorporateDomain
 * void rootMailboxIsOurs(AwsAccount account) { }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ForEachAccount
@Evaluates("root.email.corporate-domain")
public @interface RootEmailOnCorporateDomain {
}
