package org.rootposture;

/**
 * The root user of an {@link AwsAccount}, the subject of root assertions.
 *
 * <pre>
 * assertThat(account.root()).hasNoAccessKeys().hasMfa().notUsedWithin(Duration.ofDays(30));
 * </pre>
 */
public final class RootUser {

    private final AwsAccount account;

    RootUser(AwsAccount account) {
        this.account = account;
    }

    public AwsAccount account() {
        return account;
    }

    /** {@code arn:aws:iam::123456789012:root}. */
    public String arn() {
        return account.evidence().identity().rootArn();
    }

    @Override
    public String toString() {
        return "root user of " + account.displayName();
    }
}
