package org.rootposture.evidence;

import java.util.List;

/**
 * The metric filters of one CloudWatch Logs log group ({@code logs:DescribeMetricFilters}, every page).
 *
 * @param region       the log group's region
 * @param logGroupName the log group
 * @param filters      its metric filters
 * @param provenance   the calls that produced it
 */
public record MetricFilters(String region, String logGroupName, List<Filter> filters, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<MetricFilters.LogGroup, MetricFilters> RECORD = EvidenceRecord.of("monitoring.metricFilters", MetricFilters.class,
            group -> List.of(group.region(), group.name()), "logs:DescribeMetricFilters");

    /**
     * A log group in a region, whose metric filters are read.
     *
     * @param region the log group's region
     * @param name   its name
     */
    public record LogGroup(String region, String name) { }

    public MetricFilters {
        filters = List.copyOf(filters);
    }

    /**
     * One metric filter.
     *
     * @param name    filter name
     * @param pattern filter pattern, as written
     * @param metrics the metrics it publishes
     */
    public record Filter(String name, String pattern, List<Metric> metrics) {
        public Filter {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * A metric a filter publishes.
     *
     * @param namespace metric namespace
     * @param name      metric name
     */
    public record Metric(String namespace, String name) {

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }
}
