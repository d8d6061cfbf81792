package org.rootposture.internal.targets;

import java.util.List;

/**
 * The accounts a run checks, resolved once.
 *
 * @param partition       the caller's partition ({@code aws}, {@code aws-us-gov}, {@code aws-cn})
 * @param callerAccountId the account the run's credentials belong to
 * @param accounts        the accounts to check, in a stable order
 * @param skipped         accounts of the organization that cannot be checked (SUSPENDED, PENDING_CLOSURE), with why
 */
public record Targets(String partition, String callerAccountId, List<Target> accounts, List<Skipped> skipped) {

    public Targets {
        accounts = List.copyOf(accounts);
        skipped = List.copyOf(skipped);
    }

    /**
     * An account listed but not checked.
     *
     * @param target the account
     * @param reason one sentence
     */
    public record Skipped(Target target, String reason) { }
}
