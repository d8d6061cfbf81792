package org.rootposture.lab;

/**
 * A subscription to an SNS topic of the account.
 *
 * @param topicArn  topic ARN such as {@code arn:aws:sns:us-east-1:111111111111:root-activity}, in the account
 * @param protocol  {@code email} (default), {@code email-json}, {@code http}, {@code https}, {@code sqs}, {@code sms},
 *                  {@code lambda}, {@code application} or {@code firehose}
 * @param endpoint  where notifications go, such as an e-mail address
 * @param confirmed whether the subscriber confirmed; unconfirmed subscriptions have the ARN
 *                  {@code PendingConfirmation} (default true)
 */
public record SubscriptionFixture(String topicArn, String protocol, String endpoint, Boolean confirmed) {

    public SubscriptionFixture {
        protocol = protocol == null ? "email" : protocol;
        confirmed = confirmed == null || confirmed;
    }
}
