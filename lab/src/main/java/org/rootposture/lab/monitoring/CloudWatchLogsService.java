package org.rootposture.lab.monitoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.MetricFilter;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/**
 * CloudWatch Logs: metric filters. A log group exists when a metric filter or one of the account's trails names it in
 * that region.
 */
public final class CloudWatchLogsService implements ServiceHandler {

    private static final int MAX_LIMIT = 50;

    private final AwsJsonProtocol protocol = new AwsJsonProtocol();

    @Override
    public String service() {
        return "logs";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("DescribeMetricFilters", this::describeMetricFilters);
    }

    private LabResponse describeMetricFilters(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        JsonNode request = call.json();
        String logGroup = request.path("logGroupName").asText(null);
        String prefix = request.path("filterNamePrefix").asText("");
        String metricName = request.path("metricName").asText(null);
        String namespace = request.path("metricNamespace").asText(null);
        String limit = request.path("limit").asText(null);
        if (limit != null && (request.path("limit").asInt() < 1 || request.path("limit").asInt() > MAX_LIMIT)) {
            throw LabError.badRequest("InvalidParameterException", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        Account account = call.account().fixture();
        if (logGroup != null && !logGroupExists(account, region, logGroup)) {
            throw new LabError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        List<MetricFilter> filters = account.monitoring().metricFilters().stream()
                .filter(filter -> filter.region().equals(region))
                .filter(filter -> logGroup == null || filter.logGroupName().equals(logGroup))
                .filter(filter -> filter.filterName().startsWith(prefix))
                .filter(filter -> metricName == null || filter.metricName().equals(metricName))
                .filter(filter -> namespace == null || filter.namespace().equals(namespace))
                .toList();
        Page<MetricFilter> page = Page.of(filters, request.path("nextToken").asText(null), limit,
                Math.min(MAX_LIMIT, call.lab().fixture().pageSize()));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("metricFilters");
        page.items().forEach(filter -> {
            ObjectNode json = items.addObject()
                    .put("filterName", filter.filterName())
                    .put("filterPattern", filter.pattern())
                    .put("creationTime", call.lab().time(LabTime.daysAgo(180)).toEpochMilli())
                    .put("logGroupName", filter.logGroupName());
            json.putArray("metricTransformations").addObject()
                    .put("metricName", filter.metricName())
                    .put("metricNamespace", filter.namespace())
                    .put("metricValue", filter.value());
        });
        if (page.truncated()) {
            body.put("nextToken", page.nextToken());
        }
        return protocol.result(call, body);
    }

    private static boolean logGroupExists(Account account, String region, String logGroup) {
        return account.monitoring().metricFilters().stream().anyMatch(filter -> filter.region().equals(region) && filter.logGroupName().equals(logGroup))
                || account.monitoring().trails().stream().anyMatch(trail -> trail.homeRegion().equals(region) && logGroup.equals(trail.logGroup()));
    }
}
