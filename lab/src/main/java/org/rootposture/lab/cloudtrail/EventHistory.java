package org.rootposture.lab.cloudtrail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.RootEvent;
import org.rootposture.lab.fixture.RootSession;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.service.AccountState;
import org.rootposture.lab.service.HistoryEvent;
import org.rootposture.lab.service.LabState;
import org.rootposture.lab.service.ServiceCall;

/**
 * {@code cloudtrail:LookupEvents} over an account's event history in one region: 90 days, newest first, at most 50 a
 * page. The history holds the fixture's root events, the actions of central root sessions in the account, the
 * {@code AssumeRoot} calls that opened them (in the management account), and what the lab recorded while serving root
 * sessions. Root events carry no resources and no access key, so lookups by those attributes find nothing.
 */
final class EventHistory {

    private static final int MAX_RESULTS = 50;
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final Set<String> ATTRIBUTE_KEYS = Set.of(
            "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId");

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
        List<HistoryEvent> events = history(call.lab(), call.account()).stream()
                .filter(event -> !insights && event.region().equals(region))
                .filter(event -> !event.time().isBefore(oldest) && !event.time().isBefore(start) && !event.time().isAfter(end))
                .filter(event -> attribute == null || event.matches(attribute.path("AttributeKey").asText(), attribute.path("AttributeValue").asText()))
                .sorted(Comparator.comparing(HistoryEvent::time).reversed())
                .toList();
        Page<HistoryEvent> page = Page.of(events, request.path("NextToken").asText(null), maxResults,
                Math.min(MAX_RESULTS, call.lab().fixture().pageSize()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Events");
        page.items().forEach(event -> event.write(items.addObject()));
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
        return body;
    }

    /** Every event of the account's history, in every region. */
    static List<HistoryEvent> history(LabState lab, AccountState account) {
        Account fixture = account.fixture();
        List<HistoryEvent> events = new ArrayList<>();
        List<RootEvent> rootEvents = fixture.monitoring().rootEvents();
        for (int i = 0; i < rootEvents.size(); i++) {
            events.add(HistoryEvent.root(fixture.id(), id(fixture.id() + "/root-event/" + i), rootEvents.get(i), lab.time(rootEvents.get(i).time())));
        }
        List<RootSession> sessions = fixture.monitoring().rootSessions();
        for (int i = 0; i < sessions.size(); i++) {
            RootSession session = sessions.get(i);
            Instant opened = lab.time(session.time());
            for (int j = 0; j < session.actions().size(); j++) {
                events.add(HistoryEvent.rootSessionAction(fixture.id(), id(fixture.id() + "/root-session/" + i + "/" + j),
                        opened.plus(Duration.ofMinutes(j + 1L)), session.region(), session.actions().get(j), opened));
            }
        }
        lab.organization().filter(org -> org.managementAccountId().equals(fixture.id())).ifPresent(org -> lab.fixture().accounts()
                .forEach(member -> {
                    List<RootSession> memberSessions = member.monitoring().rootSessions();
                    for (int i = 0; i < memberSessions.size(); i++) {
                        RootSession session = memberSessions.get(i);
                        if (session.openedBy() != null) {
                            Instant opened = lab.time(session.time());
                            events.add(HistoryEvent.assumeRoot(fixture.id(), id(member.id() + "/assume-root/" + i), opened, session.region(),
                                    session.openedBy(), member.id(), session.taskPolicy().arn(), opened.plus(Duration.ofMinutes(15))));
                        }
                    }
                }));
        events.addAll(account.recordedEvents());
        return events;
    }

    private static String id(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
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
}
