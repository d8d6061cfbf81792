package org.rootposture.lab.protocol;

/** How a service's requests name their operation and how its answers and errors look on the wire. */
public interface Protocol {

    String operation(LabRequest request);

    LabResponse error(LabError error, String requestId);

    static Protocol guess(LabRequest request) {
        if (request.header("x-amz-target") != null) {
            return new AwsJsonProtocol();
        }
        String contentType = request.header("content-type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return new QueryProtocol(null);
        }
        return new RestJsonProtocol();
    }
}
