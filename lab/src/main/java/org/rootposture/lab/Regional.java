package org.rootposture.lab;

/** The region a request of a regional service is signed for, refused when the caller's account has it disabled. */
final class Regional {

    static final String JSON_INVALID_TOKEN = "UnrecognizedClientException";
    static final String QUERY_INVALID_TOKEN = "InvalidClientTokenId";

    private Regional() {
    }

    static String region(ServiceCall call, String invalidTokenCode) {
        SigV4Scope scope = SigV4Scope.parse(call.request().header("authorization"));
        String region = scope == null ? null : scope.region();
        if (call.account().fixture().monitoring().disabled(region)) {
            throw new LabError(403, invalidTokenCode, "The security token included in the request is invalid.");
        }
        return region;
    }
}
