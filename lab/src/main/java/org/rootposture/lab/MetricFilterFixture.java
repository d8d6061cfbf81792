package org.rootposture.lab;

/**
 * A CloudWatch Logs metric filter that turns matching log events into a metric.
 *
 * @param region       region of the log group (default {@code us-east-1})
 * @param logGroupName log group name such as {@code aws-controltower/CloudTrailLogs}
 * @param filterName   filter name
 * @param pattern      filter pattern, served as written
 * @param metricName   name of the metric it publishes
 * @param namespace    namespace of that metric
 * @param value        value published per matching event (default {@code 1})
 */
public record MetricFilterFixture(String region, String logGroupName, String filterName, String pattern, String metricName, String namespace,
        String value) {

    public MetricFilterFixture {
        region = region == null ? "us-east-1" : region;
        value = value == null ? "1" : value;
    }
}
