package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rootposture.lab.fixture.Account.Status.SUSPENDED;
import static org.rootposture.lab.fixture.LabTime.daysAgo;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.DISABLED;
import static org.rootposture.lab.fixture.Monitoring.RegionStatus.ENABLED_BY_DEFAULT;
import static org.rootposture.lab.fixture.RootEvent.EventType.AWS_SERVICE_EVENT;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Trail.AdvancedSelector;
import org.rootposture.lab.fixture.Trail.Condition;
import org.rootposture.lab.fixture.Trail.FieldSelector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;

class CloudTrailTest {

    private static final String ORG_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
    private static final Fixture ORGANIZATION = Fixture.builder()
            .organization("o-test000001", "111111111111")
            .account("111111111111", account -> account.name("management")
                    .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT).region("ap-east-1", DISABLED)
                    .trail("org-trail", trail -> trail.multiRegion(true).organizationTrail(true).logGroup("org-trail")))
            .account("222222222222", account -> account.name("member")
                    .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT)
                    .trail("member-trail", trail -> trail.homeRegion("eu-west-1").logging(false, false, true)
                            .advancedEventSelectors(AdvancedSelector.of("Management events", FieldSelector.of("eventCategory", Condition.EQUALS, "Management"))))
                    .trail("regional-trail", trail -> trail.eventSelectors(new org.rootposture.lab.fixture.Trail.EventSelector(
                            org.rootposture.lab.fixture.Trail.ReadWriteType.WRITE_ONLY, true, List.of()))))
            .account("333333333333", account -> account.name("suspended").status(SUSPENDED))
            .build();
    private static final Consumer<Account.Builder> ROOT_EVENTS = account -> account
            .region("us-east-1", ENABLED_BY_DEFAULT).region("eu-west-1", ENABLED_BY_DEFAULT)
            .rootEvent(daysAgo(1), "ConsoleLogin", event -> event.sourceIp("203.0.113.7"))
            .rootEvent(daysAgo(2), "GetAccountSummary")
            .rootEvent(daysAgo(3), "ConsoleLogin", event -> event.region("eu-west-1"))
            .rootEvent(daysAgo(4), "RotateKey", event -> event.source("kms.amazonaws.com").type(AWS_SERVICE_EVENT))
            .rootEvent(daysAgo(5), "DescribeAccountAttributes", event -> event.source("ec2.amazonaws.com").invokedBy("support.amazonaws.com"))
            .rootEvent(daysAgo(100), "ConsoleLogin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Trail> trails(CloudTrailClient cloudTrail, boolean shadows) {
        return cloudTrail.describeTrails(request -> request.includeShadowTrails(shadows)).trailList();
    }

    @Test
    void aTrailIsSeenInItsHomeRegionAndAMultiRegionTrailAsAShadowElsewhere() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            List<Trail> home = trails(clients.cloudTrail("111111111111", Region.US_EAST_1), true);
            assertThat(home).singleElement().satisfies(trail -> {
                assertThat(trail.name()).isEqualTo("org-trail");
                assertThat(trail.trailARN()).isEqualTo(ORG_TRAIL_ARN);
                assertThat(trail.homeRegion()).isEqualTo("us-east-1");
                assertThat(trail.isMultiRegionTrail()).isTrue();
                assertThat(trail.isOrganizationTrail()).isTrue();
                assertThat(trail.hasCustomEventSelectors()).isFalse();
                assertThat(trail.cloudWatchLogsLogGroupArn()).isEqualTo("arn:aws:logs:us-east-1:111111111111:log-group:org-trail:*");
                assertThat(trail.s3BucketName()).isEqualTo("aws-cloudtrail-logs-111111111111");
            });
            CloudTrailClient ireland = clients.cloudTrail("111111111111", Region.EU_WEST_1);
            assertThat(trails(ireland, true)).extracting(Trail::trailARN).containsExactly(ORG_TRAIL_ARN);
            assertThat(trails(ireland, false)).isEmpty();
        }
    }

    @Test
    void aMemberSeesTheOrganizationTrailAsAShadowTrailOfTheManagementAccount() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudTrailClient ireland = clients.cloudTrail("222222222222", Region.EU_WEST_1);
            assertThat(trails(ireland, true)).extracting(Trail::name, Trail::homeRegion, Trail::trailARN).containsExactly(
                    tuple("member-trail", "eu-west-1", "arn:aws:cloudtrail:eu-west-1:222222222222:trail/member-trail"),
                    tuple("org-trail", "us-east-1", ORG_TRAIL_ARN));
            assertThat(trails(ireland, false)).extracting(Trail::name).containsExactly("member-trail");
            assertThat(trails(clients.cloudTrail("222222222222", Region.US_EAST_1), false)).extracting(Trail::name).containsExactly("regional-trail");
            assertThat(trails(clients.cloudTrail("222222222222", Region.US_EAST_1), true)).extracting(Trail::name)
                    .containsExactly("regional-trail", "org-trail");
            assertThat(trails(clients.cloudTrail("333333333333", Region.US_EAST_1), true)).isEmpty();
        }
    }

    @Test
    void trailNamesMatchTheRegionsOwnTrailsAndArnsMatchAnyVisibleTrail() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudTrailClient ireland = clients.cloudTrail("222222222222", Region.EU_WEST_1);
            assertThat(ireland.describeTrails(request -> request.trailNameList("member-trail", "org-trail", "regional-trail")).trailList())
                    .extracting(Trail::name).containsExactly("member-trail");
            assertThat(ireland.describeTrails(request -> request.trailNameList(ORG_TRAIL_ARN)).trailList())
                    .extracting(Trail::trailARN).containsExactly(ORG_TRAIL_ARN);
        }
    }

    @Test
    void trailStatusFollowsTheLoggingSequenceAndShadowTrailsNeedTheirArn() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudTrailClient ireland = clients.cloudTrail("222222222222", Region.EU_WEST_1);
            List<Boolean> logging = IntStream.range(0, 4).mapToObj(i -> ireland.getTrailStatus(request -> request.name("member-trail")).isLogging()).toList();
            assertThat(logging).containsExactly(false, false, true, true);
            assertThat(ireland.getTrailStatus(request -> request.name(ORG_TRAIL_ARN)).isLogging()).isTrue();
            assertThat(ireland.getTrailStatus(request -> request.name(ORG_TRAIL_ARN)).latestDeliveryTime())
                    .isEqualTo(lab.startedAt().minus(Duration.ofMinutes(5)));
            assertThatThrownBy(() -> ireland.getTrailStatus(request -> request.name("org-trail")))
                    .isInstanceOfSatisfying(TrailNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("org-trail").contains("222222222222");
                    });
            assertThatThrownBy(() -> clients.cloudTrail("222222222222", Region.US_EAST_1).getTrailStatus(request -> request.name("member-trail")))
                    .isInstanceOf(TrailNotFoundException.class);
        }
    }

    @Test
    void eventSelectorsAreClassicOrAdvanced() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            GetEventSelectorsResponse advanced = clients.cloudTrail("222222222222", Region.EU_WEST_1)
                    .getEventSelectors(request -> request.trailName("member-trail"));
            assertThat(advanced.trailARN()).isEqualTo("arn:aws:cloudtrail:eu-west-1:222222222222:trail/member-trail");
            assertThat(advanced.hasEventSelectors()).isFalse();
            assertThat(advanced.advancedEventSelectors()).singleElement().satisfies(selector -> {
                assertThat(selector.name()).isEqualTo("Management events");
                assertThat(selector.fieldSelectors()).singleElement().satisfies(field -> {
                    assertThat(field.field()).isEqualTo("eventCategory");
                    assertThat(field.equalsValue()).containsExactly("Management");
                    assertThat(field.hasNotEquals()).isFalse();
                });
            });

            List<EventSelector> writeOnly = clients.cloudTrail("222222222222", Region.US_EAST_1)
                    .getEventSelectors(request -> request.trailName("regional-trail")).eventSelectors();
            assertThat(writeOnly).singleElement().satisfies(selector -> {
                assertThat(selector.readWriteType()).isEqualTo(ReadWriteType.WRITE_ONLY);
                assertThat(selector.includeManagementEvents()).isTrue();
            });
            GetEventSelectorsResponse organization = clients.cloudTrail("222222222222", Region.US_EAST_1)
                    .getEventSelectors(request -> request.trailName(ORG_TRAIL_ARN));
            assertThat(organization.hasAdvancedEventSelectors()).isFalse();
            assertThat(organization.eventSelectors()).singleElement().satisfies(selector -> {
                assertThat(selector.readWriteType()).isEqualTo(ReadWriteType.ALL);
                assertThat(selector.includeManagementEvents()).isTrue();
            });
            assertThat(trails(clients.cloudTrail("222222222222", Region.US_EAST_1), false).get(0).hasCustomEventSelectors()).isTrue();
        }
    }

    @Test
    void lookupEventsPagesTheRootEventsOfTheRequestsRegionNewestFirst() {
        try (Lab lab = Lab.start(Fixtures.single(ROOT_EVENTS)); MonitoringClients clients = new MonitoringClients(lab)) {
            List<Event> virginia = clients.cloudTrail("111111111111", Region.US_EAST_1).lookupEventsPaginator(request -> request
                    .lookupAttributes(attribute -> attribute.attributeKey(LookupAttributeKey.USERNAME).attributeValue("root"))
                    .maxResults(3)).events().stream().toList();

            assertThat(virginia).extracting(Event::eventName)
                    .containsExactly("ConsoleLogin", "GetAccountSummary", "RotateKey", "DescribeAccountAttributes");
            assertThat(virginia).extracting(Event::eventTime).containsExactly(lab.startedAt().minus(Duration.ofDays(1)),
                    lab.startedAt().minus(Duration.ofDays(2)), lab.startedAt().minus(Duration.ofDays(4)), lab.startedAt().minus(Duration.ofDays(5)));
            assertThat(virginia).allSatisfy(event -> assertThat(event.username()).isEqualTo("root"));
            assertThat(virginia).extracting(Event::eventId).doesNotHaveDuplicates();
            assertThat(lab.calls().get("111111111111")).containsEntry("cloudtrail:LookupEvents", 2);

            List<Event> ireland = clients.cloudTrail("111111111111", Region.EU_WEST_1).lookupEventsPaginator(request -> { }).events().stream().toList();
            assertThat(ireland).singleElement().satisfies(event -> {
                assertThat(event.eventName()).isEqualTo("ConsoleLogin");
                assertThat(event.eventSource()).isEqualTo("signin.amazonaws.com");
                assertThat(json(event).path("awsRegion").asText()).isEqualTo("eu-west-1");
            });
        }
    }

    @Test
    void theCloudTrailEventCarriesTheRootIdentityAndWhatTheCisFilterLooksAt() {
        try (Lab lab = Lab.start(Fixtures.single(ROOT_EVENTS)); MonitoringClients clients = new MonitoringClients(lab)) {
            List<JsonNode> events = clients.cloudTrail("111111111111", Region.US_EAST_1).lookupEvents(request -> { }).events().stream()
                    .map(CloudTrailTest::json).toList();

            assertThat(events).hasSize(4).allSatisfy(event -> {
                assertThat(event.path("userIdentity").path("type").asText()).isEqualTo("Root");
                assertThat(event.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::111111111111:root");
                assertThat(event.path("recipientAccountId").asText()).isEqualTo("111111111111");
            });
            JsonNode signIn = events.get(0);
            assertThat(signIn.path("eventType").asText()).isEqualTo("AwsConsoleSignIn");
            assertThat(signIn.path("sourceIPAddress").asText()).isEqualTo("203.0.113.7");
            assertThat(signIn.path("responseElements").path("ConsoleLogin").asText()).isEqualTo("Success");
            assertThat(signIn.path("userIdentity").has("invokedBy")).isFalse();
            assertThat(events.get(1).path("eventType").asText()).isEqualTo("AwsApiCall");
            assertThat(events.get(1).path("readOnly").asBoolean()).isTrue();
            assertThat(events.get(2).path("eventType").asText()).isEqualTo("AwsServiceEvent");
            assertThat(events.get(2).path("eventSource").asText()).isEqualTo("kms.amazonaws.com");
            assertThat(events.get(3).path("userIdentity").path("invokedBy").asText()).isEqualTo("support.amazonaws.com");
            assertThat(events.get(3).path("sourceIPAddress").asText()).isEqualTo("support.amazonaws.com");
        }
    }

    @Test
    void lookupEventsFiltersByTimeAndAttribute() {
        try (Lab lab = Lab.start(Fixtures.single(ROOT_EVENTS)); MonitoringClients clients = new MonitoringClients(lab)) {
            CloudTrailClient cloudTrail = clients.cloudTrail("111111111111", Region.US_EAST_1);

            assertThat(cloudTrail.lookupEvents(request -> request.startTime(lab.startedAt().minus(Duration.ofHours(60)))).events())
                    .extracting(Event::eventName).containsExactly("ConsoleLogin", "GetAccountSummary");
            assertThat(cloudTrail.lookupEvents(request -> request.endTime(lab.startedAt().minus(Duration.ofDays(3)))).events())
                    .extracting(Event::eventName).containsExactly("RotateKey", "DescribeAccountAttributes");
            assertThat(cloudTrail.lookupEvents(request -> request.lookupAttributes(attribute -> attribute
                    .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("ConsoleLogin"))).events()).hasSize(1);
            assertThat(cloudTrail.lookupEvents(request -> request.lookupAttributes(attribute -> attribute
                    .attributeKey(LookupAttributeKey.USERNAME).attributeValue("alice"))).events()).isEmpty();
            assertThatThrownBy(() -> cloudTrail.lookupEvents(request -> request.maxResults(51))).isInstanceOf(InvalidMaxResultsException.class);
            assertThatThrownBy(() -> cloudTrail.lookupEvents(request -> request.lookupAttributes(
                    attribute -> attribute.attributeKey(LookupAttributeKey.USERNAME).attributeValue("root"),
                    attribute -> attribute.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("ConsoleLogin"))))
                    .isInstanceOf(InvalidLookupAttributesException.class);
        }
    }

    @Test
    void aFaultOnLookupEventsIsAccessDenied() {
        try (Lab lab = Lab.start(Fixtures.single(ROOT_EVENTS.andThen(account -> account.fault("cloudtrail:LookupEvents", "AccessDenied"))));
             MonitoringClients clients = new MonitoringClients(lab)) {
            CloudTrailClient cloudTrail = clients.cloudTrail("111111111111", Region.US_EAST_1);

            assertThatThrownBy(() -> cloudTrail.lookupEvents(request -> { })).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            });
            assertThat(cloudTrail.describeTrails().trailList()).isEmpty();
        }
    }

    @Test
    void aDisabledRegionRefusesTheRequest() {
        try (Lab lab = Lab.start(ORGANIZATION); MonitoringClients clients = new MonitoringClients(lab)) {
            assertThatThrownBy(() -> clients.cloudTrail("111111111111", Region.AP_EAST_1).describeTrails())
                    .isInstanceOfSatisfying(CloudTrailException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    private static JsonNode json(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
