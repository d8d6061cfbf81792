package org.rootposture.lab.cloudtrail;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.Trail;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.Sequences;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** CloudTrail: the trails an account sees in a region, their status and event selectors, and the root user's events. */
public final class CloudTrailService implements ServiceHandler {

    private final AwsJsonProtocol protocol = new AwsJsonProtocol();
    private final Sequences logging = new Sequences();

    @Override
    public String service() {
        return "cloudtrail";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "DescribeTrails", this::describeTrails,
                "GetTrailStatus", this::getTrailStatus,
                "GetEventSelectors", this::getEventSelectors,
                "LookupEvents", call -> protocol.result(call, new EventHistory(call, Regional.region(call, Regional.JSON_INVALID_TOKEN)).lookup()));
    }

    private LabResponse describeTrails(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        JsonNode request = call.json();
        boolean shadows = request.path("includeShadowTrails").asBoolean(true);
        List<String> names = JsonProtocol.texts(request.path("trailNameList"));
        ObjectNode body = JsonProtocol.object();
        ArrayNode trails = body.putArray("trailList");
        TrailView.visible(call.lab(), call.account().fixture(), region).stream()
                .filter(view -> shadows || !view.shadow())
                .filter(view -> names.isEmpty() || names.contains(view.arn()) || !view.shadow() && names.contains(view.trail().name()))
                .forEach(view -> trail(trails.addObject(), view));
        return protocol.result(call, body);
    }

    private static void trail(ObjectNode json, TrailView view) {
        Trail trail = view.trail();
        json.put("Name", trail.name())
                .put("S3BucketName", trail.s3BucketName() != null ? trail.s3BucketName() : "aws-cloudtrail-logs-" + view.ownerId())
                .put("IncludeGlobalServiceEvents", true)
                .put("IsMultiRegionTrail", trail.multiRegion())
                .put("HomeRegion", trail.homeRegion())
                .put("TrailARN", view.arn())
                .put("LogFileValidationEnabled", true)
                .put("HasCustomEventSelectors", trail.customSelectors())
                .put("HasInsightSelectors", false)
                .put("IsOrganizationTrail", trail.organizationTrail());
        if (trail.logGroup() != null) {
            json.put("CloudWatchLogsLogGroupArn", view.logGroupArn())
                    .put("CloudWatchLogsRoleArn", "arn:aws:iam::" + view.ownerId() + ":role/CloudTrailRoleForCloudWatchLogs");
        }
    }

    private LabResponse getTrailStatus(ServiceCall call) {
        TrailView view = TrailView.find(call, Regional.region(call, Regional.JSON_INVALID_TOKEN), call.json().path("Name").asText(null));
        boolean isLogging = logging.next(view.arn(), view.trail().logging());
        ObjectNode body = JsonProtocol.object()
                .put("IsLogging", isLogging)
                .put("LatestDeliveryTime", call.lab().time(view.trail().latestDelivery()).getEpochSecond());
        if (view.trail().logGroup() != null) {
            body.put("LatestCloudWatchLogsDeliveryTime", call.lab().time(view.trail().latestDelivery()).getEpochSecond());
        }
        return protocol.result(call, body);
    }

    private LabResponse getEventSelectors(ServiceCall call) {
        TrailView view = TrailView.find(call, Regional.region(call, Regional.JSON_INVALID_TOKEN), call.json().path("TrailName").asText(null));
        ObjectNode body = JsonProtocol.object().put("TrailARN", view.arn());
        if (!view.trail().advancedEventSelectors().isEmpty()) {
            ArrayNode selectors = body.putArray("AdvancedEventSelectors");
            view.trail().advancedEventSelectors().forEach(selector -> advanced(selectors.addObject(), selector));
        } else {
            ArrayNode selectors = body.putArray("EventSelectors");
            view.trail().eventSelectors().forEach(selector -> {
                ObjectNode json = selectors.addObject()
                        .put("ReadWriteType", selector.readWriteType().toString())
                        .put("IncludeManagementEvents", selector.includeManagementEvents());
                json.putArray("DataResources");
                selector.excludeManagementEventSources().forEach(json.putArray("ExcludeManagementEventSources")::add);
            });
        }
        return protocol.result(call, body);
    }

    private static void advanced(ObjectNode json, Trail.AdvancedSelector selector) {
        json.put("Name", selector.name());
        ArrayNode fields = json.putArray("FieldSelectors");
        for (Trail.FieldSelector field : selector.fieldSelectors()) {
            ObjectNode condition = fields.addObject().put("Field", field.field());
            field.conditions().forEach((name, values) -> values.forEach(condition.putArray(name.toString())::add));
        }
    }
}
