package org.rootposture.lab.protocol;

import java.util.function.Function;

/**
 * The REST-JSON protocol: by default for services whose path names the operation, such as
 * {@code POST /getAlternateContact}; services whose method and path name it, such as GuardDuty's
 * {@code GET /detector/{id}}, give their own routing.
 */
public final class RestJsonProtocol extends JsonProtocol {

    private final Function<LabRequest, String> routing;

    public RestJsonProtocol() {
        this(RestJsonProtocol::firstPathSegment);
    }

    /** A protocol whose operation names {@code routing} finds from a request, null for none. */
    public RestJsonProtocol(Function<LabRequest, String> routing) {
        this.routing = routing;
    }

    @Override
    public String operation(LabRequest request) {
        return routing.apply(request);
    }

    private static String firstPathSegment(LabRequest request) {
        String first = request.path().replaceFirst("^/+", "").split("/", 2)[0];
        return first.isEmpty() ? null : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    @Override
    String contentType() {
        return "application/json";
    }
}
