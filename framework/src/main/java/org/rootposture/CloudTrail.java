package org.rootposture;

/**
 * CloudTrail as an {@link AwsAccount} uses it to watch its root user: the subject of CloudTrail assertions.
 *
 * <pre>
 * assertThat(account.cloudTrail()).logsAllRegions().hasNoRootActivityWithin(Duration.ofDays(30)).alarmsOnRootActivity();
 * </pre>
 */
public final class CloudTrail {

    private final AwsAccount account;

    CloudTrail(AwsAccount account) {
        this.account = account;
    }

    public AwsAccount account() {
        return account;
    }

    @Override
    public String toString() {
        return "CloudTrail of " + account.displayName();
    }
}
