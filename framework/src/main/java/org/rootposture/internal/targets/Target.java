package org.rootposture.internal.targets;

import java.util.Optional;

/**
 * One account a run checks.
 *
 * @param accountId 12-digit account id
 * @param name      the account's name (organization) or alias, where known
 * @param roleArn   the role to assume in it, or empty for the caller's own account
 */
public record Target(String accountId, Optional<String> name, Optional<String> roleArn) {

    /** How the account appears in test names and reports: {@code 123456789012 · prod-payments}. */
    public String displayName() {
        return name.map(n -> accountId + " · " + n).orElse(accountId);
    }
}
