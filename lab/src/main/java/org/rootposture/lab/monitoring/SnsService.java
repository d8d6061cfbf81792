package org.rootposture.lab.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.lab.fixture.Monitoring;
import org.rootposture.lab.fixture.Subscription;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** SNS: the subscriptions of an account's topics. */
public final class SnsService implements ServiceHandler {

    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws:sns:([^:]+):(\\d{12}):[A-Za-z0-9_-]{1,256}");
    private static final int PAGE_SIZE = 100;

    private final QueryProtocol protocol = new QueryProtocol("http://sns.amazonaws.com/doc/2010-03-31/");

    @Override
    public String service() {
        return "sns";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("ListSubscriptionsByTopic", this::listSubscriptionsByTopic);
    }

    private LabResponse listSubscriptionsByTopic(ServiceCall call) {
        String region = Regional.region(call, Regional.QUERY_INVALID_TOKEN);
        String topicArn = call.form().get("TopicArn");
        Matcher arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
        if (arn == null || !arn.matches() || !arn.group(1).equals(region)) {
            throw LabError.badRequest("InvalidParameter", "Invalid parameter: TopicArn");
        }
        if (!arn.group(2).equals(call.caller().accountId())) {
            throw new LabError(403, "AuthorizationError",
                    "User: " + call.caller().arn() + " is not authorized to perform: SNS:ListSubscriptionsByTopic on resource: " + topicArn);
        }
        Monitoring monitoring = call.account().fixture().monitoring();
        List<Subscription> subscriptions = monitoring.subscriptions().stream()
                .filter(subscription -> subscription.topicArn().equals(topicArn))
                .toList();
        if (subscriptions.isEmpty() && !monitoring.topics().contains(topicArn)) {
            throw new LabError(404, "NotFound", "Topic does not exist");
        }
        Page<Subscription> page = Page.of(subscriptions, call.form().get("NextToken"), null, Math.min(PAGE_SIZE, call.lab().fixture().pageSize()));
        return protocol.result(call, xml -> {
            xml.start("Subscriptions");
            page.items().forEach(subscription -> xml.start("member")
                    .element("SubscriptionArn", subscriptionArn(subscription))
                    .element("Owner", call.caller().accountId())
                    .element("Protocol", subscription.protocol())
                    .element("Endpoint", subscription.endpoint())
                    .element("TopicArn", subscription.topicArn())
                    .end("member"));
            xml.end("Subscriptions").element("NextToken", page.nextToken());
        });
    }

    private static String subscriptionArn(Subscription subscription) {
        if (!subscription.confirmed()) {
            return "PendingConfirmation";
        }
        String key = subscription.topicArn() + "/" + subscription.protocol() + "/" + subscription.endpoint();
        return subscription.topicArn() + ":" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
