package org.rootposture.evidence;

import java.util.List;

/**
 * The subscriptions of one SNS topic ({@code sns:ListSubscriptionsByTopic}, every page). Endpoints are masked: e-mail
 * addresses and phone numbers partly, web hooks down to their host (their paths often carry tokens).
 *
 * @param topicArn      the topic
 * @param subscriptions its subscriptions
 * @param provenance    the calls that produced it
 */
public record TopicSubscriptions(String topicArn, List<Subscription> subscriptions, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, TopicSubscriptions> RECORD = EvidenceRecord.of("monitoring.subscriptions", TopicSubscriptions.class,
            (String topicArn) -> List.of(topicArn), "sns:ListSubscriptionsByTopic");

    public TopicSubscriptions {
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * One subscription.
     *
     * @param protocol  {@code email}, {@code sqs}, {@code https}, …
     * @param endpoint  the masked endpoint
     * @param confirmed whether the subscriber confirmed (the ARN is not {@code PendingConfirmation})
     */
    public record Subscription(String protocol, String endpoint, boolean confirmed) { }

    public List<Subscription> confirmed() {
        return subscriptions.stream().filter(Subscription::confirmed).toList();
    }
}
