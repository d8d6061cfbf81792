package org.rootposture.lab.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

public record SigV4Scope(String accessKeyId, String date, String region, String service) {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

    public static SigV4Scope parse(String authorization) {
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256")) {
            return null;
        }
        Matcher matcher = CREDENTIAL.matcher(authorization);
        return matcher.find() ? new SigV4Scope(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)) : null;
    }
}
