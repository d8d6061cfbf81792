package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * Central root sessions as CloudTrail records them: the member's event history holds the session's actions as root
 * events with {@code sessionContext.assumedRoot = "true"}, the management account's holds the {@code AssumeRoot} call
 * that opened it; from the fixture, and recorded while the lab serves a root session.
 */
class CentralRootSessionsTest {

    private static final String OPENED_BY = "arn:aws:sts::111111111111:assumed-role/PlatformAdmin/jane.doe";
    private static final String ORGANIZATION = """
            {"organization": {"id": "o-test000001", "managementAccountId": "111111111111", "features": ["RootCredentialsManagement", "RootSessions"]},
             "accounts": [
               {"id": "111111111111", "name": "management"},
               {"id": "222222222222", "name": "member", "monitoring": {
                  "rootEvents": [{"time": "-P1D", "name": "ConsoleLogin"}],
                  "rootSessions": [
                    {"time": "-P2D", "taskPolicy": "S3UnlockBucketPolicy", "openedBy": "%s",
                     "actions": ["s3:GetBucketPolicy", "s3:DeleteBucketPolicy"]},
                    {"time": "-P3D", "actions": ["iam:ListAccessKeys"]}]}}]}
            """.formatted(OPENED_BY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Event> lookup(CloudTrailClient cloudTrail, LookupAttributeKey key, String value) {
        return cloudTrail.lookupEventsPaginator(request -> request.lookupAttributes(attribute -> attribute.attributeKey(key).attributeValue(value)))
                .events().stream().toList();
    }

    @Test
    void aFixturesSessionActsAsRootInTheMemberAndItsOpeningIsInTheManagementAccount() {
        try (Lab lab = Lab.start(Fixture.fromJson(ORGANIZATION)); MonitoringClients clients = new MonitoringClients(lab)) {
            List<Event> member = lookup(clients.cloudTrail("222222222222", Region.US_EAST_1), LookupAttributeKey.USERNAME, "root");

            assertThat(member).extracting(Event::eventName)
                    .containsExactly("ConsoleLogin", "DeleteBucketPolicy", "GetBucketPolicy", "ListAccessKeys");
            assertThat(json(member.get(0)).path("userIdentity").has("sessionContext")).isFalse();
            assertThat(member.subList(1, 4)).allSatisfy(event -> {
                JsonNode identity = json(event).path("userIdentity");
                assertThat(identity.path("type").asText()).isEqualTo("Root");
                assertThat(identity.path("arn").asText()).isEqualTo("arn:aws:iam::222222222222:root");
                assertThat(identity.path("sessionContext").path("assumedRoot").asText()).isEqualTo("true");
            });
            assertThat(member.get(2).eventTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));
            assertThat(member.get(2).eventSource()).isEqualTo("s3.amazonaws.com");

            List<Event> opened = lookup(clients.cloudTrail("111111111111", Region.US_EAST_1), LookupAttributeKey.EVENT_NAME, "AssumeRoot");
            assertThat(opened).singleElement().satisfies(event -> {
                assertThat(event.eventTime()).isEqualTo(lab.startedAt().minus(Duration.ofDays(2)));
                assertThat(event.username()).isEqualTo("jane.doe");
                JsonNode detail = json(event);
                assertThat(detail.path("userIdentity").path("arn").asText()).isEqualTo(OPENED_BY);
                assertThat(detail.path("userIdentity").path("type").asText()).isEqualTo("AssumedRole");
                assertThat(detail.path("requestParameters").path("targetPrincipal").asText()).isEqualTo("222222222222");
                assertThat(detail.path("requestParameters").path("taskPolicyArn").path("arn").asText())
                        .isEqualTo("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy");
            });
            assertThat(lookup(clients.cloudTrail("111111111111", Region.US_EAST_1), LookupAttributeKey.USERNAME, "root")).isEmpty();
        }
    }

    @Test
    void theLabRecordsARootSessionsCallsInTheMemberAndTheAssumeRootCallInTheCallersAccount() {
        // the clients sign for eu-west-1: IAM, a global service, is recorded in us-east-1, the regional STS call in eu-west-1
        try (Lab lab = Lab.start(Fixture.fromJson(ORGANIZATION)); LabClients clients = new LabClients(lab);
             MonitoringClients monitoring = new MonitoringClients(lab)) {
            AwsSessionCredentials root = RootAccessTest.session(clients.sts().assumeRoot(request -> request.targetPrincipal("222222222222")
                    .taskPolicyArn(policy -> policy.arn(RootAccessTest.AUDIT)).durationSeconds(900)));
            clients.iam(root).listAccessKeys();
            clients.iam(root).listMFADevices();

            List<Event> member = lookup(monitoring.cloudTrail("222222222222", Region.US_EAST_1), LookupAttributeKey.USERNAME, "root");
            assertThat(member).hasSize(6);
            assertThat(member.subList(0, 2)).extracting(Event::eventName).containsExactlyInAnyOrder("ListMFADevices", "ListAccessKeys");
            assertThat(member.subList(0, 2)).allSatisfy(event -> {
                assertThat(event.eventSource()).isEqualTo("iam.amazonaws.com");
                assertThat(json(event).path("userIdentity").path("sessionContext").path("assumedRoot").asText()).isEqualTo("true");
                assertThat(event.eventTime()).isBetween(lab.startedAt(), lab.startedAt().plus(Duration.ofMinutes(5)));
            });

            List<Event> opened = lookup(monitoring.cloudTrail("111111111111", Region.EU_WEST_1), LookupAttributeKey.EVENT_NAME, "AssumeRoot");
            assertThat(opened).singleElement().satisfies(event -> {
                JsonNode detail = json(event);
                assertThat(detail.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::111111111111:user/lab-auditor");
                assertThat(detail.path("requestParameters").path("targetPrincipal").asText()).isEqualTo("222222222222");
                assertThat(detail.path("requestParameters").path("taskPolicyArn").path("arn").asText()).isEqualTo(RootAccessTest.AUDIT);
                assertThat(event.eventTime()).isAfterOrEqualTo(lab.startedAt());
            });
            assertThat(lookup(monitoring.cloudTrail("111111111111", Region.US_EAST_1), LookupAttributeKey.EVENT_NAME, "AssumeRoot"))
                    .as("the fixture's opening only: STS records AssumeRoot in the region of its endpoint, eu-west-1 here").hasSize(1);
        }
    }

    @Test
    void aFixturesSessionMustBeInAMemberAndDoWhatItsTaskPolicyAllows() {
        assertThatThrownBy(() -> Fixture.fromJson(ORGANIZATION.replace("\"s3:DeleteBucketPolicy\"", "\"iam:DeleteUser\"")))
                .hasMessageContaining("account 222222222222: monitoring.rootSessions[0].actions has 'iam:DeleteUser', which the task policy "
                        + "S3UnlockBucketPolicy does not allow");
        assertThatThrownBy(() -> Fixture.fromJson(ORGANIZATION.replace(OPENED_BY, "arn:aws:iam::222222222222:user/someone")))
                .hasMessageContaining("monitoring.rootSessions[0].openedBy must be the ARN of a principal of the management account 111111111111");
        assertThatThrownBy(() -> Fixture.fromJson(ORGANIZATION.replace("\"S3UnlockBucketPolicy\"", "\"RootEverything\"")))
                .hasMessageContaining("monitoring.rootSessions[0].taskPolicy must be one of");
        assertThatThrownBy(() -> Fixtures.single("\"monitoring\": {\"rootSessions\": [{\"time\": \"-P1D\", \"actions\": [\"iam:ListAccessKeys\"]}]}"))
                .hasMessageContaining("only a member account of an organization has central root sessions");
    }

    private static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
