package org.rootposture.lab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

final class FixtureReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FixtureReader() {
    }

    static Fixture read(String json, String source) {
        JsonNode tree = parse(json, source);
        try {
            return MAPPER.treeToValue(tree, Fixture.class);
        } catch (JsonMappingException e) {
            IllegalArgumentException validation = validationFailure(e);
            if (validation != null) {
                throw validation;
            }
            throw new IllegalArgumentException(invalid(source) + describe(e, tree), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(invalid(source) + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(invalid(source) + "expected a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(invalid(source) + "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String invalid(String source) {
        return source == null ? "Invalid lab fixture: " : "Invalid lab fixture " + source + ": ";
    }

    private static IllegalArgumentException validationFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String describe(JsonMappingException e, JsonNode tree) {
        String path = path(e);
        String account = account(e, tree);
        String where = account == null ? "" : "account " + account + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown field '" + unknown.getPropertyName() + "' (" + path + ")";
        }
        return where + path + " has a bad value: " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the fixture" : path.toString();
    }

    private static String account(JsonMappingException e, JsonNode tree) {
        var path = e.getPath();
        if (path.size() < 2 || !"accounts".equals(path.get(0).getFieldName()) || path.get(1).getIndex() < 0) {
            return null;
        }
        JsonNode id = tree.path("accounts").path(path.get(1).getIndex()).path("id");
        return id.isTextual() ? id.asText() : "#" + path.get(1).getIndex();
    }
}
