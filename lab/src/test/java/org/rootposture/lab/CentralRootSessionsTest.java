package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_CREDENTIALS_MANAGEMENT;
import static org.rootposture.lab.fixture.Organization.Feature.ROOT_SESSIONS;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.RootSession;
import org.rootposture.lab.fixture.TaskPolicy;

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
    private static final Fixture ORGANIZATION = Fixture.builder()
            .organization("o-test000001", "111111111111", org -> org.features(ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS))
            .account("111111111111", account -> account.name("management"))
            .account("222222222222", account -> account.name("member")
                    .rootEvent(daysAgo(1), "ConsoleLogin")
                    .rootSession(daysAgo(2), TaskPolicy.S3_UNLOCK_BUCKET_POLICY, List.of("s3:GetBucketPolicy", "s3:DeleteBucketPolicy"),
                            session -> session.openedBy(OPENED_BY))
                    .rootSession(daysAgo(3), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS, List.of("iam:ListAccessKeys")))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Event> lookup(CloudTrailClient cloudTrail, LookupAttributeKey key, String value) {
        return cloudTrail.lookupEventsPaginator(request -> request.lookupAttributes(attribute -> attribute.attributeKey(key).attributeValue(value)))
                .events().stream().toList();
    }

    @Test
    void aFixturesSessionActsAsRootInTheMemberAndItsOpeningIsInTheManagementAccount() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
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
        try (Lab lab = Lab.start(ORGANIZATION); LabClients clients = new LabClients(lab);
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
    void aFixturesSessionDoesOnlyWhatItsTaskPolicyAllows() {
        assertThatThrownBy(() -> RootSession.at(daysAgo(2), TaskPolicy.S3_UNLOCK_BUCKET_POLICY, List.of("s3:GetBucketPolicy", "iam:DeleteUser")))
                .hasMessage("Invalid lab fixture: a root session with the task policy S3UnlockBucketPolicy cannot do iam:DeleteUser");
        assertThatThrownBy(() -> RootSession.at(daysAgo(2), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS, List.of()))
                .hasMessage("Invalid lab fixture: a root session needs at least one action");
    }

    private static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
