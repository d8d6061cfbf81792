package org.rootposture.lab.protocol;

/** The REST-JSON protocol, for services whose path names the operation, such as {@code POST /getAlternateContact}. */
public final class RestJsonProtocol extends JsonProtocol {

    @Override
    public String operation(LabRequest request) {
        String path = request.path();
        String first = path.replaceFirst("^/+", "").split("/", 2)[0];
        return first.isEmpty() ? null : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    @Override
    String contentType() {
        return "application/json";
    }
}
