package org.rootposture;

/**
 * Amazon GuardDuty in an {@link AwsAccount}, with the EventBridge rules that pass its findings on: the subject of
 * GuardDuty assertions.
 *
 * <pre>
 * assertThat(account.guardDuty()).alertsOnRootCredentialUsage();
 * </pre>
 */
public final class GuardDuty {

    private final AwsAccount account;

    GuardDuty(AwsAccount account) {
        this.account = account;
    }

    public AwsAccount account() {
        return account;
    }

    @Override
    public String toString() {
        return "GuardDuty of " + account.displayName();
    }
}
