package org.rootposture.lab.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.AwsConfig;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.Sequences;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** AWS Config: the configuration recorder of a region, its status, the Config rules and their compliance. */
public final class ConfigService implements ServiceHandler {

    private static final int PAGE_SIZE = 25;

    private final AwsJsonProtocol protocol = new AwsJsonProtocol();
    private final Sequences compliance = new Sequences();

    @Override
    public String service() {
        return "config";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "DescribeConfigurationRecorders", this::describeConfigurationRecorders,
                "DescribeConfigurationRecorderStatus", this::describeConfigurationRecorderStatus,
                "DescribeConfigRules", this::describeConfigRules,
                "DescribeComplianceByConfigRule", this::describeComplianceByConfigRule);
    }

    private LabResponse describeConfigurationRecorders(ServiceCall call) {
        AwsConfig.Recorder recorder = recorder(call);
        ObjectNode body = JsonProtocol.object();
        ArrayNode recorders = body.putArray("ConfigurationRecorders");
        if (recorder != null) {
            ObjectNode json = recorders.addObject()
                    .put("name", recorder.name())
                    .put("roleARN", recorder.roleArn() != null ? recorder.roleArn()
                            : "arn:aws:iam::" + call.account().id() + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
            ObjectNode group = json.putObject("recordingGroup")
                    .put("allSupported", recorder.allSupported())
                    .put("includeGlobalResourceTypes", recorder.includeGlobalResourceTypes());
            group.putArray("resourceTypes");
        }
        return protocol.result(call, body);
    }

    private LabResponse describeConfigurationRecorderStatus(ServiceCall call) {
        AwsConfig.Recorder recorder = recorder(call);
        ObjectNode body = JsonProtocol.object();
        ArrayNode statuses = body.putArray("ConfigurationRecordersStatus");
        if (recorder != null) {
            ObjectNode json = statuses.addObject()
                    .put("name", recorder.name())
                    .put("lastStartTime", call.lab().time(recorder.lastStart()).getEpochSecond())
                    .put("recording", recorder.recording())
                    .put("lastStatus", recorder.lastStatus().toString())
                    .put("lastStatusChangeTime", call.lab().time(recorder.recording() ? LabTime.ago(Duration.ofHours(1)) : recorder.lastStop()).getEpochSecond());
            if (!recorder.recording()) {
                json.put("lastStopTime", call.lab().time(recorder.lastStop()).getEpochSecond());
            }
            if (recorder.lastStatus() == AwsConfig.Recorder.Status.FAILURE) {
                json.put("lastErrorCode", "AccessDenied").put("lastErrorMessage", "Config could not assume the recorder's role");
            }
        }
        return protocol.result(call, body);
    }

    private static AwsConfig.Recorder recorder(ServiceCall call) {
        AwsConfig.Recorder recorder = config(call).recorder();
        for (String name : JsonProtocol.texts(call.json().path("ConfigurationRecorderNames"))) {
            if (recorder == null || !recorder.name().equals(name)) {
                throw LabError.badRequest("NoSuchConfigurationRecorderException", "Cannot find configuration recorder with the specified name '" + name + "'.");
            }
        }
        return recorder;
    }

    private LabResponse describeConfigRules(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        Page<AwsConfig.Rule> page = page(call, rules(call));
        ObjectNode body = JsonProtocol.object();
        ArrayNode rules = body.putArray("ConfigRules");
        page.items().forEach(rule -> rules.addObject()
                .put("ConfigRuleName", rule.name())
                .put("ConfigRuleArn", "arn:aws:config:" + region + ":" + call.account().id() + ":config-rule/" + ruleId(call, region, rule))
                .put("ConfigRuleId", ruleId(call, region, rule))
                .put("ConfigRuleState", "ACTIVE")
                .putObject("Source").put("Owner", "AWS").put("SourceIdentifier", rule.sourceIdentifier().name()));
        next(body, page);
        return protocol.result(call, body);
    }

    private LabResponse describeComplianceByConfigRule(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        List<String> types = JsonProtocol.texts(call.json().path("ComplianceTypes"));
        Page<AwsConfig.Rule> page = page(call, rules(call));
        ObjectNode body = JsonProtocol.object();
        ArrayNode items = body.putArray("ComplianceByConfigRules");
        for (AwsConfig.Rule rule : page.items()) {
            String type = compliance.next(call.account().id() + "/" + region + "/" + rule.name(), rule.compliance()).name();
            if (types.isEmpty() || types.contains(type)) {
                ObjectNode json = items.addObject().put("ConfigRuleName", rule.name());
                ObjectNode result = json.putObject("Compliance").put("ComplianceType", type);
                if (type.equals("NON_COMPLIANT")) {
                    result.putObject("ComplianceContributorCount").put("CappedCount", 1).put("CapExceeded", false);
                }
            }
        }
        next(body, page);
        return protocol.result(call, body);
    }

    private static List<AwsConfig.Rule> rules(ServiceCall call) {
        List<AwsConfig.Rule> rules = config(call).rules();
        List<String> names = JsonProtocol.texts(call.json().path("ConfigRuleNames"));
        for (String name : names) {
            if (rules.stream().noneMatch(rule -> rule.name().equals(name))) {
                throw LabError.badRequest("NoSuchConfigRuleException",
                        "The ConfigRule '" + name + "' provided in the request is invalid. Please check the configRule name.");
            }
        }
        return names.isEmpty() ? rules : rules.stream().filter(rule -> names.contains(rule.name())).toList();
    }

    private static AwsConfig config(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        return call.account().fixture().monitoring().config().getOrDefault(region, new AwsConfig(null, List.of()));
    }

    private static Page<AwsConfig.Rule> page(ServiceCall call, List<AwsConfig.Rule> rules) {
        JsonNode request = call.json();
        return Page.of(rules, request.path("NextToken").asText(null), null, Math.min(PAGE_SIZE, call.lab().fixture().pageSize()));
    }

    private static void next(ObjectNode body, Page<?> page) {
        if (page.truncated()) {
            body.put("NextToken", page.nextToken());
        }
    }

    private static String ruleId(ServiceCall call, String region, AwsConfig.Rule rule) {
        String key = call.account().id() + "/" + region + "/" + rule.name();
        return "config-rule-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 6);
    }
}
