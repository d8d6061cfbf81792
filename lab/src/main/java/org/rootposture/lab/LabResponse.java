package org.rootposture.lab;

import java.nio.charset.StandardCharsets;
import java.util.Map;

record LabResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    static LabResponse of(int status, String contentType, String body) {
        return new LabResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static LabResponse of(int status, String contentType, Map<String, String> headers, String body) {
        return new LabResponse(status, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
