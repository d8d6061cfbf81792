package org.rootposture.targets;

import java.util.List;

/**
 * The accounts a run checks, resolved once.
 *
 * @param partition       the caller's partition ({@code aws}, {@code aws-us-gov}, {@code aws-cn})
 * @param callerAccountId the account the run's credentials belong to
 * @param accounts        the accounts to check, in a stable order
 */
public record Targets(String partition, String callerAccountId, List<Target> accounts) {

    public Targets {
        accounts = List.copyOf(accounts);
    }
}
