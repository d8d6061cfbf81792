package org.rootposture.lab.eventbridge;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.EventRule;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/**
 * Amazon EventBridge: the rules of a region's default event bus, their targets, and {@code TestEventPattern}, which the
 * lab answers with its own reading of event patterns ({@link EventPattern}).
 */
public final class EventBridgeService implements ServiceHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 100;
    private static final List<String> EVENT_FIELDS = List.of("id", "account", "source", "time", "region", "resources", "detail-type");

    private final AwsJsonProtocol protocol = new AwsJsonProtocol();

    @Override
    public String service() {
        return "events";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "ListRules", this::listRules,
                "ListTargetsByRule", this::listTargetsByRule,
                "TestEventPattern", this::testEventPattern);
    }

    private LabResponse listRules(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        JsonNode request = call.json();
        defaultBus(call, request);
        String prefix = request.path("NamePrefix").asText("");
        List<EventRule> rules = rules(call, region).stream().filter(rule -> rule.name().startsWith(prefix)).toList();
        Page<EventRule> page = page(call, rules, request);
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("Rules");
        page.items().forEach(rule -> {
            ObjectNode json = items.addObject()
                    .put("Name", rule.name())
                    .put("Arn", "arn:aws:events:" + region + ":" + call.account().id() + ":rule/" + rule.name())
                    .put("State", rule.enabled() ? "ENABLED" : "DISABLED")
                    .put("EventBusName", "default");
            if (rule.eventPattern() != null) {
                json.put("EventPattern", rule.eventPattern());
            } else {
                json.put("ScheduleExpression", "rate(1 hour)");
            }
        });
        next(body, page);
        return protocol.result(call, body);
    }

    private LabResponse listTargetsByRule(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        JsonNode request = call.json();
        defaultBus(call, request);
        String name = request.path("Rule").asText(null);
        if (name == null) {
            throw LabError.validation("1 validation error detected: Value null at 'rule' failed to satisfy constraint: Member must not be null");
        }
        EventRule rule = rules(call, region).stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> LabError.badRequest("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus default."));
        Page<String> page = page(call, rule.targets(), request);
        ObjectNode body = JsonProtocol.object();
        ArrayNode targets = body.putArray("Targets");
        for (int i = 0; i < page.items().size(); i++) {
            targets.addObject().put("Id", "target-" + (rule.targets().indexOf(page.items().get(i)) + 1)).put("Arn", page.items().get(i));
        }
        next(body, page);
        return protocol.result(call, body);
    }

    private LabResponse testEventPattern(ServiceCall call) {
        Regional.region(call, Regional.JSON_INVALID_TOKEN);
        JsonNode request = call.json();
        JsonNode pattern = parse(request.path("EventPattern").asText(null), "EventPattern");
        JsonNode event = parse(request.path("Event").asText(null), "Event");
        List<String> missing = EVENT_FIELDS.stream().filter(field -> !event.has(field)).toList();
        if (!event.isObject() || !missing.isEmpty()) {
            throw LabError.validation("Parameter Event is not valid. Reason: the event lacks " + missing);
        }
        return protocol.result(call, JsonProtocol.object().put("Result", EventPattern.matches(pattern, event)));
    }

    private static JsonNode parse(String text, String parameter) {
        if (text == null) {
            throw LabError.validation("1 validation error detected: Value null at '" + parameter + "' failed to satisfy constraint: Member must not be null");
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw parameter.equals("EventPattern") ? EventPattern.invalid("the pattern is not JSON")
                    : LabError.validation("Parameter Event is not valid. Reason: it is not JSON");
        }
    }

    private static void defaultBus(ServiceCall call, JsonNode request) {
        String bus = request.path("EventBusName").asText("default");
        if (!bus.equals("default") && !bus.endsWith(":event-bus/default")) {
            throw LabError.badRequest("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
    }

    private static List<EventRule> rules(ServiceCall call, String region) {
        return call.account().fixture().monitoring().eventRules().stream().filter(rule -> rule.region().equals(region)).toList();
    }

    private static <T> Page<T> page(ServiceCall call, List<T> items, JsonNode request) {
        String limit = request.path("Limit").asText(null);
        if (limit != null && (request.path("Limit").asInt() < 1 || request.path("Limit").asInt() > MAX_LIMIT)) {
            throw LabError.validation("Limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return Page.of(items, request.path("NextToken").asText(null), limit, Math.min(MAX_LIMIT, call.lab().fixture().pageSize()));
    }

    private static void next(ObjectNode body, Page<?> page) {
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
    }
}
