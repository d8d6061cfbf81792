package org.rootposture;

/**
 * AWS Config in an {@link AwsAccount}: the subject of Config assertions.
 *
 * <pre>
 * assertThat(account.config()).recordsAllRegions().rootRulesCompliant();
 * </pre>
 */
public final class AwsConfig {

    private final AwsAccount account;

    AwsConfig(AwsAccount account) {
        this.account = account;
    }

    public AwsAccount account() {
        return account;
    }

    @Override
    public String toString() {
        return "AWS Config of " + account.displayName();
    }
}
