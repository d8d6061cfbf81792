package org.rootposture;

/**
 * The organization guardrails that apply to an {@link AwsAccount}, the subject of guardrail assertions.
 *
 * <pre>
 * assertThat(account.guardrails()).deniesRootActions();
 * </pre>
 */
public final class Guardrails {

    private final AwsAccount account;

    Guardrails(AwsAccount account) {
        this.account = account;
    }

    public AwsAccount account() {
        return account;
    }

    @Override
    public String toString() {
        return "guardrails of " + account.displayName();
    }
}
