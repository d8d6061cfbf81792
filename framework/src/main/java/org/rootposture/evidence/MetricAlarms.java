package org.rootposture.evidence;

import java.util.List;

/**
 * The CloudWatch alarms on one metric ({@code cloudwatch:DescribeAlarmsForMetric}).
 *
 * @param region     the metric's region
 * @param metric     the metric
 * @param alarms     the alarms watching it
 * @param provenance the call that produced it
 */
public record MetricAlarms(String region, MetricFilters.Metric metric, List<Alarm> alarms, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<MetricAlarms.OfMetric, MetricAlarms> RECORD = EvidenceRecord.of("monitoring.alarms", MetricAlarms.class,
            of -> List.of(of.region(), of.metric().namespace(), of.metric().name()), "cloudwatch:DescribeAlarmsForMetric");

    /**
     * A metric in a region, whose alarms are read.
     *
     * @param region the metric's region
     * @param metric the metric
     */
    public record OfMetric(String region, MetricFilters.Metric metric) { }

    public MetricAlarms {
        alarms = List.copyOf(alarms);
    }

    /**
     * One alarm.
     *
     * @param name           alarm name
     * @param arn            alarm ARN
     * @param actionsEnabled whether its actions run
     * @param alarmActions   the ARNs it notifies when it goes into ALARM
     * @param state          {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
     */
    public record Alarm(String name, String arn, boolean actionsEnabled, List<String> alarmActions, String state) {
        public Alarm {
            alarmActions = List.copyOf(alarmActions);
        }

        /** The SNS topics among its alarm actions. */
        public List<String> topics() {
            return alarmActions.stream().filter(action -> action.startsWith("arn:") && action.split(":", 4).length == 4
                    && action.split(":", 4)[2].equals("sns")).toList();
        }
    }
}
