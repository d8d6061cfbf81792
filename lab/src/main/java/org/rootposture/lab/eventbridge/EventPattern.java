package org.rootposture.lab.eventbridge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.rootposture.lab.protocol.LabError;

/**
 * The lab's own reading of an EventBridge event pattern, for its answers to {@code events:TestEventPattern}: nested
 * fields, {@code $or}, and per field a list of exact values (strings, numbers, booleans, null) or the filters
 * {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but} (a value, a list, or a prefix or
 * suffix), {@code numeric} (one or two comparisons) and {@code exists}. A field holding a list matches when one of its
 * elements does. Anything else is refused as AWS refuses an invalid pattern.
 */
final class EventPattern {

    private EventPattern() {
    }

    static boolean matches(JsonNode pattern, JsonNode event) {
        if (!pattern.isObject()) {
            throw invalid("the pattern must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!matchesField(field.getKey(), field.getValue(), event)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesField(String name, JsonNode condition, JsonNode event) {
        if (name.equals("$or")) {
            if (!condition.isArray() || condition.isEmpty()) {
                throw invalid("$or must be a non-empty list of patterns");
            }
            for (JsonNode alternative : condition) {
                if (matches(alternative, event)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode value = event.isObject() ? event.get(name) : null;
        if (condition.isObject()) {
            return value != null && value.isObject() && matches(condition, value);
        }
        if (!condition.isArray() || condition.isEmpty()) {
            throw invalid("'" + name + "' must be an object or a non-empty array");
        }
        for (JsonNode filter : condition) {
            if (matchesFilter(filter, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesFilter(JsonNode filter, JsonNode value) {
        if (filter.isObject()) {
            if (filter.size() != 1) {
                throw invalid("a filter has exactly one match type, not " + filter);
            }
            Map.Entry<String, JsonNode> match = filter.fields().next();
            if (match.getKey().equals("exists")) {
                if (!match.getValue().isBoolean()) {
                    throw invalid("exists takes true or false");
                }
                return match.getValue().asBoolean() == (value != null && !value.isObject());
            }
            return leaves(value).stream().anyMatch(leaf -> matchesMatch(match.getKey(), match.getValue(), leaf));
        }
        if (filter.isContainerNode()) {
            throw invalid("a value to match must be a string, number, boolean or null, not " + filter);
        }
        return leaves(value).stream().anyMatch(leaf -> same(filter, leaf));
    }

    private static boolean matchesMatch(String type, JsonNode operand, JsonNode leaf) {
        return switch (type) {
            case "prefix" -> text(operand, leaf, String::startsWith);
            case "suffix" -> text(operand, leaf, String::endsWith);
            case "equals-ignore-case" -> leaf.isTextual() && leaves(operand).stream()
                    .anyMatch(expected -> expected.asText().toLowerCase(Locale.ROOT).equals(leaf.asText().toLowerCase(Locale.ROOT)));
            case "anything-but" -> anythingBut(operand, leaf);
            case "numeric" -> numeric(operand, leaf);
            default -> throw invalid("unrecognized match type " + type);
        };
    }

    private interface TextTest {
        boolean test(String value, String operand);
    }

    private static boolean text(JsonNode operand, JsonNode leaf, TextTest test) {
        if (!leaf.isTextual()) {
            return false;
        }
        if (operand.isObject() && operand.has("equals-ignore-case")) {
            return test.test(leaf.asText().toLowerCase(Locale.ROOT), operand.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT));
        }
        if (!operand.isTextual()) {
            throw invalid("prefix and suffix take a string");
        }
        return test.test(leaf.asText(), operand.asText());
    }

    private static boolean anythingBut(JsonNode operand, JsonNode leaf) {
        if (operand.isObject()) {
            if (operand.size() != 1 || !List.of("prefix", "suffix", "equals-ignore-case").contains(operand.fieldNames().next())) {
                throw invalid("anything-but takes a value, a list of values, or one prefix, suffix or equals-ignore-case");
            }
            Map.Entry<String, JsonNode> inner = operand.fields().next();
            return !matchesMatch(inner.getKey(), inner.getValue(), leaf);
        }
        return leaves(operand).stream().noneMatch(excluded -> same(excluded, leaf));
    }

    private static boolean numeric(JsonNode operand, JsonNode leaf) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            throw invalid("numeric takes one or two comparisons such as [\">=\", 4]");
        }
        if (!leaf.isNumber()) {
            return false;
        }
        double value = leaf.asDouble();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode bound = operand.get(i + 1);
            if (!bound.isNumber()) {
                throw invalid("numeric compares with numbers, not " + bound);
            }
            double limit = bound.asDouble();
            boolean holds = switch (operand.get(i).asText()) {
                case "<" -> value < limit;
                case "<=" -> value <= limit;
                case "=" -> value == limit;
                case ">=" -> value >= limit;
                case ">" -> value > limit;
                default -> throw invalid("unrecognized numeric operator " + operand.get(i));
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode expected, JsonNode leaf) {
        if (expected.isNumber() && leaf.isNumber()) {
            return expected.asDouble() == leaf.asDouble();
        }
        return expected.equals(leaf);
    }

    /** The values a field holds: none when it is missing, its elements when it is a list, else itself. */
    private static List<JsonNode> leaves(JsonNode value) {
        List<JsonNode> leaves = new ArrayList<>();
        if (value == null) {
            return leaves;
        }
        if (value.isArray()) {
            value.forEach(leaves::add);
        } else {
            leaves.add(value);
        }
        return leaves;
    }

    static LabError invalid(String reason) {
        return LabError.badRequest("InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }
}
