package org.rootposture.lab;

import java.util.List;

/**
 * A CloudWatch metric alarm.
 *
 * @param region         region of the alarm (default {@code us-east-1})
 * @param name           alarm name
 * @param metricName     metric it watches
 * @param namespace      namespace of that metric
 * @param actions        ARNs it notifies on {@code ALARM}, such as SNS topics
 * @param state          {@code OK} (default), {@code ALARM} or {@code INSUFFICIENT_DATA}
 * @param actionsEnabled whether its actions run (default true)
 */
public record AlarmFixture(String region, String name, String metricName, String namespace, List<String> actions, String state,
        Boolean actionsEnabled) {

    public AlarmFixture {
        region = region == null ? "us-east-1" : region;
        actions = Copies.list(actions);
        state = state == null ? "OK" : state;
        actionsEnabled = actionsEnabled == null || actionsEnabled;
    }

    /** The alarm's ARN in its owner account. */
    String arn(String ownerId) {
        return "arn:aws:cloudwatch:" + region + ":" + ownerId + ":alarm:" + name;
    }
}
