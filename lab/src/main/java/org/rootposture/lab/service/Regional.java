package org.rootposture.lab.service;

import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.SigV4Scope;

/** The region a request of a regional service is signed for, refused when the caller's account has it disabled. */
public final class Regional {

    public static final String JSON_INVALID_TOKEN = "UnrecognizedClientException";
    public static final String QUERY_INVALID_TOKEN = "InvalidClientTokenId";

    private Regional() {
    }

    public static String region(ServiceCall call, String invalidTokenCode) {
        SigV4Scope scope = SigV4Scope.parse(call.request().header("authorization"));
        String region = scope == null ? null : scope.region();
        if (call.account().fixture().monitoring().disabled(region)) {
            throw new LabError(403, invalidTokenCode, "The security token included in the request is invalid.");
        }
        return region;
    }
}
