package org.rootposture.lab.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

public record LabResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static LabResponse of(int status, String contentType, String body) {
        return new LabResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static LabResponse of(int status, String contentType, Map<String, String> headers, String body) {
        return new LabResponse(status, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
