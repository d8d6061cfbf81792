package org.rootposture.lab.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the JSON protocols share: JSON answers and errors named by {@code __type} and {@code x-amzn-ErrorType}. */
public abstract class JsonProtocol implements Protocol {

    private static final Map<String, String> JSON_CODES = Map.of(
            "AccessDenied", "AccessDeniedException",
            "Throttling", "ThrottlingException",
            "InvalidInput", "InvalidInputException",
            "ValidationError", "ValidationException",
            "InvalidAction", "UnknownOperationException");

    abstract String contentType();

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    public LabResponse result(Exchange call, JsonNode body) {
        return LabResponse.of(200, contentType(), Map.of("x-amzn-RequestId", call.requestId()), LabRequest.toJson(body));
    }

    @Override
    public LabResponse error(LabError error, String requestId) {
        String code = JSON_CODES.getOrDefault(error.code(), error.code());
        ObjectNode body = object().put("__type", code).put("message", error.getMessage());
        return LabResponse.of(error.status(), contentType(), Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", code),
                LabRequest.toJson(body));
    }
}
