package org.rootposture.internal.evidence;

import static org.rootposture.internal.session.AwsCalls.call;
import static org.rootposture.internal.session.AwsCalls.listed;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.GuardDutyAdministrator;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.session.EvidenceUnavailableException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Administrator;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsResponse;

/**
 * Reads whether GuardDuty would tell someone that root was used: a region's detectors, a detector's administrator
 * account, and the rules of the region's default event bus, each tested by EventBridge itself
 * ({@code events:TestEventPattern}) against a root credential usage finding as GuardDuty sends it.
 */
final class GuardDutyAlerting {

    private static final String ROOT_FINDING_TYPE = "Policy:IAMUser/RootCredentialUsage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUS = "default";

    private final AccountIdentity identity;
    private final AwsClients clients;
    private final Clock clock;

    GuardDutyAlerting(AccountIdentity identity, AwsClients clients, Clock clock) {
        this.identity = identity;
        this.clients = clients;
        this.clock = clock;
    }

    GuardDutyDetectors detectors(String region) {
        GuardDutyClient guardDuty = clients.inRegion(region).client(GuardDutyClient.class);
        List<String> ids = listed("guardduty:ListDetectors", "DetectorIds", () -> guardDuty.listDetectorsPaginator(request -> { }),
                ListDetectorsResponse::hasDetectorIds, ListDetectorsResponse::detectorIds);
        List<GuardDutyDetectors.Detector> detectors = ids.stream().map(id -> {
            GetDetectorResponse detector = call("guardduty:GetDetector", () -> guardDuty.getDetector(request -> request.detectorId(id)));
            if (detector.statusAsString() == null) {
                throw EvidenceUnavailableException.missing("guardduty:GetDetector", "Status");
            }
            return new GuardDutyDetectors.Detector(id, detector.statusAsString());
        }).toList();
        return new GuardDutyDetectors(region, detectors, Provenance.of(clock.instant(), "guardduty:ListDetectors", "guardduty:GetDetector"));
    }

    GuardDutyAdministrator administrator(GuardDutyAdministrator.OfDetector detector) {
        Administrator administrator = call("guardduty:GetAdministratorAccount", () -> clients.inRegion(detector.region())
                .client(GuardDutyClient.class).getAdministratorAccount(request -> request.detectorId(detector.detectorId())).administrator());
        return new GuardDutyAdministrator(detector.region(), detector.detectorId(), administrator == null ? null : administrator.accountId(),
                administrator == null ? null : administrator.relationshipStatus(), Provenance.of(clock.instant(), "guardduty:GetAdministratorAccount"));
    }

    RootFindingRules rootFindingRules(String region) {
        EventBridgeClient events = clients.inRegion(region).client(EventBridgeClient.class);
        String finding = sampleFinding(region, clock.instant());
        List<RootFindingRules.Rule> rules = new ArrayList<>();
        for (Rule rule : listRules(events)) {
            Boolean matches = rule.eventPattern() == null ? null : call("events:TestEventPattern", () -> {
                Boolean result = events.testEventPattern(request -> request.eventPattern(rule.eventPattern()).event(finding)).result();
                if (result == null) {
                    throw EvidenceUnavailableException.missing("events:TestEventPattern", "Result");
                }
                return result;
            });
            RootFindingRules.Rule tested = new RootFindingRules.Rule(rule.name(), rule.arn(), rule.stateAsString(), rule.eventPattern(), matches,
                    List.of());
            rules.add(tested.enabled() && tested.matchesRootFinding() ? tested.withTargets(targets(events, rule.name())) : tested);
        }
        return new RootFindingRules(region, finding, rules, Provenance.of(clock.instant(), "events:ListRules", "events:TestEventPattern",
                "events:ListTargetsByRule"));
    }

    private static List<Rule> listRules(EventBridgeClient events) {
        return pages("events:ListRules", "Rules", token -> events.listRules(request -> request.eventBusName(BUS).nextToken(token)),
                ListRulesResponse::hasRules, ListRulesResponse::rules, ListRulesResponse::nextToken);
    }

    private static List<String> targets(EventBridgeClient events, String rule) {
        return pages("events:ListTargetsByRule", "Targets",
                token -> events.listTargetsByRule(request -> request.eventBusName(BUS).rule(rule).nextToken(token)),
                ListTargetsByRuleResponse::hasTargets, ListTargetsByRuleResponse::targets, ListTargetsByRuleResponse::nextToken)
                .stream().map(Target::arn).toList();
    }

    /** Every item of every page of an operation the SDK has no paginator for, following its NextToken. */
    private static <P, T> List<T> pages(String operation, String field, Function<String, P> page, Predicate<P> present,
                                        Function<P, List<T>> items, Function<P, String> nextToken) {
        List<T> all = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            P answer = call(operation, () -> page.apply(token));
            if (!present.test(answer)) {
                throw EvidenceUnavailableException.missing(operation, field);
            }
            all.addAll(items.apply(answer));
            next = nextToken.apply(answer);
        } while (next != null && !next.isEmpty());
        return all;
    }

    /**
     * A {@code Policy:IAMUser/RootCredentialUsage} finding of this account and region as GuardDuty puts it on the event
     * bus: the EventBridge envelope (source {@code aws.guardduty}, detail-type {@code GuardDuty Finding}) around the
     * finding, severity 2 (Low), as GuardDuty rates root credential usage.
     */
    private String sampleFinding(String region, Instant at) {
        String account = identity.accountId();
        String partition = identity.partition();
        String time = at.truncatedTo(ChronoUnit.SECONDS).toString();
        String findingId = "rootposture0000000000000000000000";
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", "00000000-0000-4000-8000-000000000000")
                .put("detail-type", "GuardDuty Finding")
                .put("source", "aws.guardduty")
                .put("account", account)
                .put("time", time)
                .put("region", region);
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail")
                .put("schemaVersion", "2.0")
                .put("accountId", account)
                .put("region", region)
                .put("partition", partition)
                .put("id", findingId)
                .put("arn", "arn:" + partition + ":guardduty:" + region + ":" + account + ":detector/rootposture/finding/" + findingId)
                .put("type", ROOT_FINDING_TYPE);
        ObjectNode resource = detail.putObject("resource").put("resourceType", "AccessKey");
        resource.putObject("accessKeyDetails").put("principalId", account).put("userName", "Root").put("userType", "Root");
        ObjectNode service = detail.putObject("service")
                .put("serviceName", "guardduty")
                .put("resourceRole", "TARGET")
                .put("eventFirstSeen", time)
                .put("eventLastSeen", time)
                .put("archived", false)
                .put("count", 1);
        service.putObject("action").put("actionType", "AWS_API_CALL").putObject("awsApiCallAction")
                .put("api", "ListBuckets").put("serviceName", "s3.amazonaws.com").put("callerType", "Remote IP");
        detail.put("severity", 2)
                .put("createdAt", time)
                .put("updatedAt", time)
                .put("title", "API ListBuckets was invoked using root credentials.")
                .put("description", "API ListBuckets was invoked using root credentials from a remote IP address.");
        return event.toString();
    }
}
