package org.rootposture.lab.guardduty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rootposture.lab.fixture.GuardDuty;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.protocol.JsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabRequest;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.RestJsonProtocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.Regional;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/**
 * Amazon GuardDuty: the detector of a region, whether it is enabled, and the administrator account that receives its
 * findings. A detector's id is the same for an account and region in every lab.
 */
public final class GuardDutyService implements ServiceHandler {

    private static final Pattern DETECTOR = Pattern.compile("/detector(?:/([^/]+)(/administrator)?)?/?");
    private static final int MAX_RESULTS = 50;

    private final RestJsonProtocol protocol = new RestJsonProtocol(GuardDutyService::operation);

    @Override
    public String service() {
        return "guardduty";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "ListDetectors", this::listDetectors,
                "GetDetector", this::getDetector,
                "GetAdministratorAccount", this::getAdministratorAccount);
    }

    private static String operation(LabRequest request) {
        Matcher path = DETECTOR.matcher(request.path());
        if (!request.method().equals("GET") || !path.matches()) {
            return null;
        }
        return path.group(1) == null ? "ListDetectors" : path.group(2) == null ? "GetDetector" : "GetAdministratorAccount";
    }

    private LabResponse listDetectors(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        Map<String, String> query = call.form();
        String maxResults = query.get("maxResults");
        if (maxResults != null && !maxResults.matches("([1-9]|[1-4]\\d|50)")) {
            throw LabError.badRequest("BadRequestException", "The request is rejected because maxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        List<String> ids = detector(call, region) == null ? List.of() : List.of(detectorId(call.account().id(), region));
        Page<String> page = Page.of(ids, query.get("nextToken"), maxResults, MAX_RESULTS);
        ObjectNode body = JsonProtocol.object();
        ArrayNode detectorIds = body.putArray("detectorIds");
        page.items().forEach(detectorIds::add);
        if (page.truncated()) {
            body.put("nextToken", page.nextToken());
        }
        return protocol.result(call, body);
    }

    private LabResponse getDetector(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        GuardDuty detector = owned(call, region);
        ObjectNode body = JsonProtocol.object()
                .put("createdAt", call.lab().time(LabTime.daysAgo(400)).toString())
                .put("updatedAt", call.lab().time(LabTime.daysAgo(30)).toString())
                .put("findingPublishingFrequency", "SIX_HOURS")
                .put("serviceRole", "arn:aws:iam::" + call.account().id() + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")
                .put("status", detector.enabled() ? "ENABLED" : "DISABLED");
        body.putObject("tags");
        return protocol.result(call, body);
    }

    private LabResponse getAdministratorAccount(ServiceCall call) {
        String region = Regional.region(call, Regional.JSON_INVALID_TOKEN);
        GuardDuty detector = owned(call, region);
        ObjectNode body = JsonProtocol.object();
        if (detector.administrator() != null) {
            body.putObject("administrator")
                    .put("accountId", detector.administrator())
                    .put("invitationId", UUID.nameUUIDFromBytes((call.account().id() + "/" + detector.administrator()).getBytes(StandardCharsets.UTF_8))
                            .toString().replace("-", ""))
                    .put("relationshipStatus", detector.relationshipStatus())
                    .put("invitedAt", call.lab().time(LabTime.daysAgo(300)).toString());
        }
        return protocol.result(call, body);
    }

    private static GuardDuty detector(ServiceCall call, String region) {
        return call.account().fixture().monitoring().guardDuty().get(region);
    }

    /** The region's detector, if the request names its id; AWS answers any other id as not the caller's. */
    private static GuardDuty owned(ServiceCall call, String region) {
        Matcher path = DETECTOR.matcher(call.request().path());
        GuardDuty detector = detector(call, region);
        if (!path.matches() || detector == null || !path.group(1).equals(detectorId(call.account().id(), region))) {
            throw LabError.badRequest("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.");
        }
        return detector;
    }

    /** The id of an account's detector in a region: 32 hexadecimal digits, as AWS writes them. */
    public static String detectorId(String accountId, String region) {
        return UUID.nameUUIDFromBytes((accountId + "/" + region + "/guardduty").getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
