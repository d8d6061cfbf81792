package org.rootposture.lab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code cloudtrail:LookupEvents} over an account's root events in one region: 90 days of history, newest first, at
 * most 50 a page. Root events carry no resources and no access key, so lookups by those attributes find nothing.
 */
final class EventHistory {

    private static final int MAX_RESULTS = 50;
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final Set<String> ATTRIBUTE_KEYS = Set.of(
            "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId");
    private static final List<String> READ_ONLY_PREFIXES = List.of("Get", "List", "Describe", "Lookup");

    private final ServiceCall call;
    private final String region;

    EventHistory(ServiceCall call, String region) {
        this.call = call;
        this.region = region;
    }

    ObjectNode lookup() {
        JsonNode request = call.json();
        JsonNode attribute = attribute(request.path("LookupAttributes"));
        Instant end = instant(request.path("EndTime"), call.lab().now());
        Instant start = instant(request.path("StartTime"), call.lab().now().minus(RETENTION));
        if (start.isAfter(end)) {
            throw new LabError(400, "InvalidTimeRangeException", "Occurs if the timestamp values are not valid. Either the start time "
                    + "occurs after the end time, or the time range is outside the range of possible values.");
        }
        String maxResults = request.path("MaxResults").asText(null);
        if (maxResults != null && (request.path("MaxResults").asInt() < 1 || request.path("MaxResults").asInt() > MAX_RESULTS)) {
            throw new LabError(400, "InvalidMaxResultsException", "MaxResults must be between 1 and " + MAX_RESULTS + ", not " + maxResults);
        }
        Instant oldest = call.lab().now().minus(RETENTION);
        boolean insights = "insight".equals(request.path("EventCategory").asText(null));
        List<Event> events = IntStream.range(0, call.account().fixture().monitoring().rootEvents().size())
                .mapToObj(this::event)
                .filter(event -> !insights && event.fixture().region().equals(region))
                .filter(event -> !event.time().isBefore(oldest) && !event.time().isBefore(start) && !event.time().isAfter(end))
                .filter(event -> attribute == null || event.matches(attribute.path("AttributeKey").asText(), attribute.path("AttributeValue").asText()))
                .sorted(Comparator.comparing(Event::time).reversed())
                .toList();
        Page<Event> page = Page.of(events, request.path("NextToken").asText(null), maxResults,
                Math.min(MAX_RESULTS, call.lab().fixture().pageSize()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Events");
        page.items().forEach(event -> event.write(items.addObject()));
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
        return body;
    }

    private static JsonNode attribute(JsonNode attributes) {
        if (attributes.size() > 1) {
            throw new LabError(400, "InvalidLookupAttributesException", "You can specify only one lookup attribute.");
        }
        JsonNode attribute = attributes.size() == 1 ? attributes.get(0) : null;
        if (attribute != null && !ATTRIBUTE_KEYS.contains(attribute.path("AttributeKey").asText())) {
            throw new LabError(400, "InvalidLookupAttributesException", "Invalid lookup attribute key " + attribute.path("AttributeKey").asText());
        }
        return attribute;
    }

    private static Instant instant(JsonNode epochSeconds, Instant otherwise) {
        return epochSeconds.isNumber() ? Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000)) : otherwise;
    }

    private Event event(int index) {
        AccountFixture account = call.account().fixture();
        RootEventFixture fixture = account.monitoring().rootEvents().get(index);
        String id = UUID.nameUUIDFromBytes((account.id() + "/root-event/" + index).getBytes(StandardCharsets.UTF_8)).toString();
        return new Event(account.id(), id, fixture, call.lab().time(fixture.time()));
    }

    private record Event(String accountId, String id, RootEventFixture fixture, Instant time) {

        boolean readOnly() {
            return READ_ONLY_PREFIXES.stream().anyMatch(fixture.name()::startsWith);
        }

        boolean matches(String key, String value) {
            return switch (key) {
                case "Username" -> value.equals("root");
                case "EventName" -> value.equals(fixture.name());
                case "EventSource" -> value.equals(fixture.source());
                case "EventId" -> value.equals(id);
                case "ReadOnly" -> value.equals(String.valueOf(readOnly()));
                default -> false;
            };
        }

        void write(ObjectNode json) {
            json.put("EventId", id)
                    .put("EventName", fixture.name())
                    .put("ReadOnly", String.valueOf(readOnly()))
                    .put("EventTime", time.getEpochSecond())
                    .put("EventSource", fixture.source())
                    .put("Username", "root")
                    .put("CloudTrailEvent", LabRequest.toJson(cloudTrailEvent()));
            json.putArray("Resources");
        }

        private ObjectNode cloudTrailEvent() {
            ObjectNode event = JsonProtocol.object().put("eventVersion", "1.09");
            ObjectNode identity = event.putObject("userIdentity")
                    .put("type", "Root")
                    .put("principalId", accountId)
                    .put("arn", "arn:aws:iam::" + accountId + ":root")
                    .put("accountId", accountId);
            if (fixture.invokedBy() != null) {
                identity.put("invokedBy", fixture.invokedBy());
            }
            event.put("eventTime", time.toString())
                    .put("eventSource", fixture.source())
                    .put("eventName", fixture.name())
                    .put("awsRegion", fixture.region())
                    .put("sourceIPAddress", fixture.sourceIp())
                    .put("userAgent", fixture.invokedBy() != null ? fixture.invokedBy() : "console.amazonaws.com")
                    .putNull("requestParameters");
            if (fixture.eventType().equals("AwsConsoleSignIn")) {
                event.putObject("responseElements").put(fixture.name(), "Success");
            } else {
                event.putNull("responseElements");
            }
            return event.put("eventID", id)
                    .put("readOnly", readOnly())
                    .put("eventType", fixture.eventType())
                    .put("managementEvent", true)
                    .put("recipientAccountId", accountId)
                    .put("eventCategory", "Management");
        }
    }
}
