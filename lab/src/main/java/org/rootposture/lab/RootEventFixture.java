package org.rootposture.lab;

/**
 * An event of the root user in an account's CloudTrail event history, which {@code cloudtrail:LookupEvents} serves in
 * its region for 90 days.
 *
 * @param time      time value of the event
 * @param name      event name such as {@code ConsoleLogin}
 * @param source    event source (default {@code signin.amazonaws.com} for console sign-ins, {@code iam.amazonaws.com}
 *                  otherwise)
 * @param sourceIp  source IP address (default the {@code invokedBy} service, else {@code 198.51.100.10})
 * @param region    the region the event happened in (default {@code us-east-1})
 * @param eventType {@code AwsApiCall}, {@code AwsServiceEvent}, {@code AwsConsoleAction} or {@code AwsConsoleSignIn}
 *                  (default {@code AwsConsoleSignIn} for {@code ConsoleLogin}, {@code AwsApiCall} otherwise)
 * @param invokedBy the AWS service that acted as the root user, such as {@code support.amazonaws.com}; none when null
 */
public record RootEventFixture(String time, String name, String source, String sourceIp, String region, String eventType, String invokedBy) {

    public RootEventFixture {
        region = region == null ? "us-east-1" : region;
        eventType = eventType != null ? eventType : "ConsoleLogin".equals(name) ? "AwsConsoleSignIn" : "AwsApiCall";
        source = source != null ? source : "AwsConsoleSignIn".equals(eventType) ? "signin.amazonaws.com" : "iam.amazonaws.com";
        sourceIp = sourceIp != null ? sourceIp : invokedBy != null ? invokedBy : "198.51.100.10";
    }
}
