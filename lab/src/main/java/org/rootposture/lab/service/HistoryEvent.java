package org.rootposture.lab.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.RootEvent;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabRequest;

/**
 * One event of an account's CloudTrail event history, as {@code cloudtrail:LookupEvents} serves it: the lookup
 * attributes and the full {@code CloudTrailEvent} JSON. Built from the fixture (root events, central root sessions and
 * the management account's {@code AssumeRoot} calls that opened them) or recorded while the lab serves a root session
 * (its calls in the member account, and the {@code AssumeRoot} call in the caller's account).
 */
public record HistoryEvent(String id, Instant time, String name, String source, String region, String username, ObjectNode detail) {

    private static final List<String> READ_ONLY_PREFIXES = List.of("Get", "List", "Describe", "Lookup");

    boolean readOnly() {
        return READ_ONLY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    public boolean matches(String key, String value) {
        return switch (key) {
            case "Username" -> value.equals(username);
            case "EventName" -> value.equals(name);
            case "EventSource" -> value.equals(source);
            case "EventId" -> value.equals(id);
            case "ReadOnly" -> value.equals(String.valueOf(readOnly()));
            default -> false;
        };
    }

    public void write(ObjectNode json) {
        json.put("EventId", id)
                .put("EventName", name)
                .put("ReadOnly", String.valueOf(readOnly()))
                .put("EventTime", time.getEpochSecond())
                .put("EventSource", source)
                .put("Username", username)
                .put("CloudTrailEvent", LabRequest.toJson(detail));
        json.putArray("Resources");
    }

    /** An event of the root user signed in with its own credentials, or of an AWS service acting as root. */
    public static HistoryEvent root(String accountId, String id, RootEvent fixture, Instant time) {
        ObjectNode identity = rootIdentity(accountId);
        if (fixture.invokedBy() != null) {
            identity.put("invokedBy", fixture.invokedBy());
        }
        ObjectNode detail = detail(identity, id, time, fixture.name(), fixture.source(), fixture.region(), fixture.sourceIp(),
                fixture.invokedBy() != null ? fixture.invokedBy() : "console.amazonaws.com", fixture.eventType().toString(), accountId);
        if (fixture.eventType() == RootEvent.EventType.AWS_CONSOLE_SIGN_IN) {
            detail.putObject("responseElements").put(fixture.name(), "Success");
        }
        return new HistoryEvent(id, time, fixture.name(), fixture.source(), fixture.region(), "root", detail);
    }

    /** An action of a central root session in the member account: the root principal, with {@code assumedRoot = "true"}. */
    public static HistoryEvent rootSessionAction(String accountId, String id, Instant time, String region, String operation, Instant sessionStart) {
        String service = operation.substring(0, operation.indexOf(':'));
        String name = operation.substring(operation.indexOf(':') + 1);
        ObjectNode identity = rootIdentity(accountId).put("accessKeyId", AssumedRoot.accessKeyIdFor(accountId));
        ObjectNode session = identity.putObject("sessionContext");
        session.putObject("attributes").put("creationDate", sessionStart.toString()).put("mfaAuthenticated", "false");
        session.put("assumedRoot", "true");
        ObjectNode detail = detail(identity, id, time, name, service + ".amazonaws.com", region, "192.0.2.10", "aws-sdk-java", "AwsApiCall", accountId);
        return new HistoryEvent(id, time, name, service + ".amazonaws.com", region, "root", detail);
    }

    /** The {@code AssumeRoot} call in the account whose principal opened a central root session into a member account. */
    public static HistoryEvent assumeRoot(String callerAccountId, String id, Instant time, String region, String openedBy, String targetAccountId,
                                   String taskPolicyArn, Instant expiration) {
        ObjectNode identity = JsonProtocol.object()
                .put("type", openedBy.contains(":assumed-role/") ? "AssumedRole" : "IAMUser")
                .put("arn", openedBy)
                .put("accountId", callerAccountId);
        ObjectNode detail = detail(identity, id, time, "AssumeRoot", "sts.amazonaws.com", region, "192.0.2.10", "aws-sdk-java", "AwsApiCall",
                callerAccountId);
        ObjectNode request = detail.putObject("requestParameters").put("targetPrincipal", targetAccountId);
        request.putObject("taskPolicyArn").put("arn", taskPolicyArn);
        detail.putObject("responseElements").putObject("credentials")
                .put("accessKeyId", AssumedRoot.accessKeyIdFor(targetAccountId))
                .put("expiration", expiration.toString());
        return new HistoryEvent(id, time, "AssumeRoot", "sts.amazonaws.com", region, openedBy.substring(openedBy.lastIndexOf('/') + 1), detail);
    }

    private static ObjectNode rootIdentity(String accountId) {
        return JsonProtocol.object()
                .put("type", "Root")
                .put("principalId", accountId)
                .put("arn", "arn:aws:iam::" + accountId + ":root")
                .put("accountId", accountId);
    }

    private static ObjectNode detail(ObjectNode identity, String id, Instant time, String name, String source, String region, String sourceIp,
                                     String userAgent, String eventType, String recipientAccountId) {
        ObjectNode event = JsonProtocol.object().put("eventVersion", "1.09");
        event.set("userIdentity", identity);
        event.put("eventTime", time.toString())
                .put("eventSource", source)
                .put("eventName", name)
                .put("awsRegion", region)
                .put("sourceIPAddress", sourceIp)
                .put("userAgent", userAgent)
                .putNull("requestParameters")
                .putNull("responseElements");
        return event.put("eventID", id)
                .put("readOnly", READ_ONLY_PREFIXES.stream().anyMatch(name::startsWith))
                .put("eventType", eventType)
                .put("managementEvent", true)
                .put("recipientAccountId", recipientAccountId)
                .put("eventCategory", "Management");
    }
}
