package org.rootposture.lab.protocol;

/** The AWS JSON 1.1 protocol: the operation in {@code X-Amz-Target}, JSON in and out. */
public final class AwsJsonProtocol extends JsonProtocol {

    @Override
    public String operation(LabRequest request) {
        String target = request.header("x-amz-target");
        return target == null ? null : target.substring(target.lastIndexOf('.') + 1);
    }

    @Override
    String contentType() {
        return "application/x-amz-json-1.1";
    }
}
