package org.rootposture.lab.protocol;

import java.util.Map;
import java.util.function.Consumer;

/** The AWS Query protocol of IAM and STS: form-encoded requests, XML answers. */
public final class QueryProtocol implements Protocol {

    private static final String CONTENT_TYPE = "text/xml";
    private static final Map<String, String> QUERY_CODES = Map.of(
            "AccessDeniedException", "AccessDenied",
            "ThrottlingException", "Throttling",
            "InvalidInputException", "InvalidInput",
            "ValidationException", "ValidationError");

    private final String namespace;

    public QueryProtocol(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public String operation(LabRequest request) {
        return request.form().get("Action");
    }

    public LabResponse result(Exchange call, Consumer<XmlWriter> result) {
        String operation = call.operation();
        XmlWriter xml = new XmlWriter().start(operation + "Response", namespace).start(operation + "Result");
        result.accept(xml);
        xml.end(operation + "Result").start("ResponseMetadata").element("RequestId", call.requestId()).end("ResponseMetadata")
                .end(operation + "Response");
        return LabResponse.of(200, CONTENT_TYPE, Map.of("x-amzn-RequestId", call.requestId()), xml.toString());
    }

    @Override
    public LabResponse error(LabError error, String requestId) {
        String xml = new XmlWriter().start("ErrorResponse", namespace)
                .start("Error")
                .element("Type", error.status() >= 500 ? "Receiver" : "Sender")
                .element("Code", QUERY_CODES.getOrDefault(error.code(), error.code()))
                .element("Message", error.getMessage())
                .end("Error")
                .element("RequestId", requestId)
                .end("ErrorResponse")
                .toString();
        return LabResponse.of(error.status(), CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId), xml);
    }
}
