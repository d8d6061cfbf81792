package org.rootposture.lab.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.rootposture.lab.fixture.Alarm;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.protocol.XmlWriter;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/**
 * CloudWatch: metric alarms. The AWS SDK for Java 2.40 still speaks the Query protocol to CloudWatch: form-encoded
 * {@code Action=DescribeAlarms&Version=2010-08-01}, XML answers.
 */
public final class CloudWatchService implements ServiceHandler {

    private static final int MAX_RECORDS = 100;

    private final QueryProtocol protocol = new QueryProtocol("http://monitoring.amazonaws.com/doc/2010-08-01/");

    @Override
    public String service() {
        return "monitoring";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "DescribeAlarms", this::describeAlarms,
                "DescribeAlarmsForMetric", this::describeAlarmsForMetric);
    }

    private LabResponse describeAlarms(ServiceCall call) {
        Map<String, String> form = call.form();
        List<String> names = members(form, "AlarmNames");
        List<String> types = members(form, "AlarmTypes");
        String prefix = form.getOrDefault("AlarmNamePrefix", "");
        String state = form.get("StateValue");
        String actionPrefix = form.get("ActionPrefix");
        String maxRecords = form.get("MaxRecords");
        if (maxRecords != null && (!maxRecords.matches("\\d{1,3}") || Integer.parseInt(maxRecords) < 1 || Integer.parseInt(maxRecords) > MAX_RECORDS)) {
            throw LabError.badRequest("InvalidParameterValue", "MaxRecords must be between 1 and " + MAX_RECORDS + ", not " + maxRecords);
        }
        List<Alarm> alarms = alarms(call, alarm -> (names.isEmpty() || names.contains(alarm.name()))
                && alarm.name().startsWith(prefix)
                && (state == null || alarm.state().name().equals(state))
                && (actionPrefix == null || alarm.actions().stream().anyMatch(action -> action.startsWith(actionPrefix)))
                && (types.isEmpty() || types.contains("MetricAlarm")));
        Page<Alarm> page = Page.of(alarms, form.get("NextToken"), maxRecords, Math.min(MAX_RECORDS, call.lab().fixture().pageSize()));
        return protocol.result(call, xml -> {
            xml.start("CompositeAlarms").end("CompositeAlarms").start("MetricAlarms");
            page.items().forEach(alarm -> alarm(call, xml, alarm));
            xml.end("MetricAlarms").element("NextToken", page.nextToken());
        });
    }

    private LabResponse describeAlarmsForMetric(ServiceCall call) {
        String metricName = call.form().get("MetricName");
        String namespace = call.form().get("Namespace");
        if (metricName == null || namespace == null) {
            throw LabError.badRequest("InvalidParameterValue", "MetricName and Namespace are required");
        }
        List<Alarm> alarms = alarms(call, alarm -> alarm.metricName().equals(metricName) && alarm.namespace().equals(namespace));
        return protocol.result(call, xml -> {
            xml.start("MetricAlarms");
            alarms.forEach(alarm -> alarm(call, xml, alarm));
            xml.end("MetricAlarms");
        });
    }

    private static List<Alarm> alarms(ServiceCall call, Predicate<Alarm> filter) {
        String region = Regional.region(call, Regional.QUERY_INVALID_TOKEN);
        return call.account().fixture().monitoring().alarms().stream()
                .filter(alarm -> alarm.region().equals(region))
                .filter(filter)
                .toList();
    }

    private static void alarm(ServiceCall call, XmlWriter xml, Alarm alarm) {
        xml.start("member")
                .element("AlarmName", alarm.name())
                .element("AlarmArn", "arn:aws:cloudwatch:" + alarm.region() + ":" + call.account().id() + ":alarm:" + alarm.name())
                .element("AlarmConfigurationUpdatedTimestamp", call.lab().time(LabTime.daysAgo(180)))
                .element("ActionsEnabled", alarm.actionsEnabled())
                .start("OKActions").end("OKActions")
                .start("AlarmActions");
        alarm.actions().forEach(action -> xml.element("member", action));
        xml.end("AlarmActions")
                .start("InsufficientDataActions").end("InsufficientDataActions")
                .element("StateValue", alarm.state())
                .element("StateUpdatedTimestamp", call.lab().time(LabTime.daysAgo(1)))
                .element("MetricName", alarm.metricName())
                .element("Namespace", alarm.namespace())
                .element("Statistic", "Sum")
                .start("Dimensions").end("Dimensions")
                .element("Period", 300)
                .element("EvaluationPeriods", 1)
                .element("DatapointsToAlarm", 1)
                .element("Threshold", 1.0)
                .element("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .element("TreatMissingData", "notBreaching")
                .end("member");
    }

    private static List<String> members(Map<String, String> form, String name) {
        List<String> members = new ArrayList<>();
        for (int i = 1; form.containsKey(name + ".member." + i); i++) {
            members.add(form.get(name + ".member." + i));
        }
        return members;
    }
}
