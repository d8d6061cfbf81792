package org.rootposture.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The naive baseline: the same twenty checks as the built-in catalogue, written as a team would without Root
 * Posture. Plain JUnit parameterized tests over the organization's accounts, run one after the other; every test reads
 * the evidence it needs itself with plain SDK calls (the account summary is read by four tests, the SCP chain by two,
 * the organization's features by two), nothing is shared or read ahead. Decisions are simplified; the reads are the
 * same as the framework's.
 */
class NaiveRootChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration USAGE_WINDOW = Duration.ofDays(90);

    record Member(String id, String name, String status) {
        @Override
        public String toString() {
            return id + " · " + name;
        }
    }

    static Stream<Member> accounts() {
        return NaiveAws.organizations().listAccountsPaginator().stream().flatMap(page -> page.accounts().stream())
                .sorted(Comparator.comparing(Account::id))
                .map(account -> new Member(account.id(), account.name(), account.statusAsString()));
    }

    static Stream<Arguments> accountRegions() {
        return accounts().flatMap(member -> {
            if (!member.status().equals("ACTIVE")) {
                return Stream.of(Arguments.of(member, NaiveAws.REGION));
            }
            try {
                return NaiveAws.account(member.id()).listRegionsPaginator(request -> request
                                .regionOptStatusContains(RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT))
                        .regions().stream().map(region -> Arguments.of(member, region.regionName()));
            } catch (RuntimeException unreadable) {
                return Stream.of(Arguments.of(member, NaiveAws.REGION));
            }
        });
    }

    @AfterAll
    static void closeClients() {
        NaiveAws.closeAll();
    }

    private static void active(Member member) {
        if (!member.status().equals("ACTIVE")) {
            abort("account is " + member.status());
        }
    }

    private static Map<SummaryKeyType, Integer> summary(String accountId) {
        return NaiveAws.iam(accountId).getAccountSummary().summaryMap();
    }

    private static void rootHasCredentials(Map<SummaryKeyType, Integer> summary) {
        if (summary.getOrDefault(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 0) == 0
                && summary.getOrDefault(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0) == 0
                && summary.getOrDefault(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0) == 0) {
            abort("root has no password, keys or certificates");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootHasNoAccessKeys(Member member) {
        active(member);
        assertEquals(0, summary(member.id()).get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT), "root access keys");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootMfaEnabled(Member member) {
        active(member);
        Map<SummaryKeyType, Integer> summary = summary(member.id());
        rootHasCredentials(summary);
        assertEquals(1, summary.get(SummaryKeyType.ACCOUNT_MFA_ENABLED), "root MFA");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootMfaIsHardware(Member member) {
        active(member);
        Map<SummaryKeyType, Integer> summary = summary(member.id());
        rootHasCredentials(summary);
        String rootArn = "arn:aws:iam::" + member.id() + ":root";
        boolean virtual = NaiveAws.iam(member.id()).listVirtualMFADevicesPaginator(request -> request.assignmentStatus(AssignmentStatusType.ANY))
                .virtualMFADevices().stream().anyMatch(device -> device.user() != null && rootArn.equals(device.user().arn()));
        assertEquals(1, summary.get(SummaryKeyType.ACCOUNT_MFA_ENABLED), "root MFA");
        assertFalse(virtual, "root MFA is a virtual device");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootNotUsedRecently(Member member) throws InterruptedException {
        active(member);
        Map<String, String> root = credentialReportRootRow(NaiveAws.iam(member.id()));
        Instant since = Instant.now().minus(USAGE_WINDOW);
        for (String column : List.of("password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date")) {
            String value = root.getOrDefault(column, "N/A");
            if (value.matches("\\d{4}-.*")) {
                assertTrue(Instant.parse(value.replace("+00:00", "Z")).isBefore(since), "root used recently: " + column + " " + value);
            }
        }
    }

    private static Map<String, String> credentialReportRootRow(IamClient iam) throws InterruptedException {
        long pause = 50;
        while (iam.generateCredentialReport().state() != ReportStateType.COMPLETE) {
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 5000);
        }
        String[] lines = iam.getCredentialReport().content().asString(StandardCharsets.UTF_8).split("\n");
        String[] header = lines[0].split(",");
        for (String line : lines) {
            if (line.startsWith("<root_account>")) {
                String[] values = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length && i < values.length; i++) {
                    row.put(header[i].trim(), values[i].trim());
                }
                return row;
            }
        }
        return fail("no root row in the credential report");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootHasNoSigningCertificates(Member member) {
        active(member);
        assertEquals(0, summary(member.id()).get(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT), "root signing certificates");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void securityContactRegistered(Member member) {
        active(member);
        try {
            NaiveAws.account(member.id()).getAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY));
        } catch (ResourceNotFoundException none) {
            fail("no security contact");
        }
    }

    private static List<String> organizationFeatures() {
        return NaiveAws.managementIam().listOrganizationsFeatures(request -> { }).enabledFeaturesAsStrings();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootAccessIsCentralized(Member member) {
        active(member);
        List<String> features = organizationFeatures();
        if (!member.id().equals(NaiveAws.managementAccountId())) {
            abort("a member account; the management account's test decides, features " + features);
        }
        assertTrue(features.containsAll(List.of("RootCredentialsManagement", "RootSessions")), "centralized root access: " + features);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void scpDeniesRoot(Member member) {
        active(member);
        assertTrue(scpChain(member).stream().anyMatch(statement -> deniesRoot(statement, false)), "no SCP denies root");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void scpDeniesRootWithoutMfa(Member member) {
        active(member);
        assertTrue(scpChain(member).stream().anyMatch(statement -> deniesRoot(statement, true)), "no SCP denies root without MFA");
    }

    private static List<JsonNode> scpChain(Member member) {
        if (member.id().equals(NaiveAws.managementAccountId())) {
            abort("SCPs do not apply to the management account");
        }
        List<String> targets = new ArrayList<>(List.of(member.id()));
        while (true) {
            String child = targets.get(targets.size() - 1);
            Parent parent = NaiveAws.organizations().listParents(request -> request.childId(child)).parents().get(0);
            targets.add(parent.id());
            if (parent.typeAsString().equals("ROOT")) {
                break;
            }
        }
        List<JsonNode> statements = new ArrayList<>();
        for (String target : targets) {
            NaiveAws.organizations().listPoliciesForTargetPaginator(request -> request.targetId(target).filter(PolicyType.SERVICE_CONTROL_POLICY))
                    .stream().flatMap(page -> page.policies().stream()).forEach(summary -> {
                        String content = NaiveAws.organizations().describePolicy(request -> request.policyId(summary.id())).policy().content();
                        try {
                            JsonNode statement = JSON.readTree(content).path("Statement");
                            if (statement.isArray()) {
                                statement.forEach(statements::add);
                            } else {
                                statements.add(statement);
                            }
                        } catch (IOException e) {
                            fail("unreadable SCP " + summary.id());
                        }
                    });
        }
        return statements;
    }

    private static boolean deniesRoot(JsonNode statement, boolean withoutMfaCounts) {
        if (!"Deny".equals(statement.path("Effect").asText())) {
            return false;
        }
        boolean everyAction = "*".equals(statement.path("Action").asText()) || statement.path("NotAction").size() <= 5 && statement.has("NotAction");
        String condition = statement.path("Condition").toString();
        boolean onRoot = condition.contains("aws:PrincipalArn") && condition.contains(":root");
        boolean mfaOnly = condition.contains("aws:MultiFactorAuthPresent");
        return everyAction && onRoot && (!mfaOnly || withoutMfaCounts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootCredentialsAbsent(Member member) throws InterruptedException {
        active(member);
        if (member.id().equals(NaiveAws.managementAccountId())) {
            abort("the management account's root is not centrally managed");
        }
        if (!organizationFeatures().contains("RootSessions")) {
            Map<String, String> root = credentialReportRootRow(NaiveAws.iam(member.id()));
            assertEquals("false", root.get("password_enabled"), "root password");
            return;
        }
        try (IamClient root = rootSession(member.id())) {
            boolean password;
            try {
                root.getLoginProfile(request -> { });
                password = true;
            } catch (NoSuchEntityException none) {
                password = false;
            }
            boolean keys = !root.listAccessKeys(request -> { }).accessKeyMetadata().isEmpty();
            boolean devices = !root.listMFADevices(request -> { }).mfaDevices().isEmpty();
            boolean certificates = !root.listSigningCertificates(request -> { }).certificates().isEmpty();
            assertFalse(password || keys || devices || certificates, "root credentials present");
        }
    }

    /** IAM in an sts:AssumeRoot audit session into the member account. */
    private static IamClient rootSession(String accountId) {
        Credentials credentials = NaiveAws.managementSts().assumeRoot(request -> request.targetPrincipal(accountId)
                .taskPolicyArn(policy -> policy.arn("arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"))).credentials();
        return NaiveAws.build(IamClient.builder(), NaiveAws.REGION, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())));
    }

    private static List<Trail> loggingMultiRegionTrails(String accountId) {
        List<Trail> logging = new ArrayList<>();
        for (Trail trail : NaiveAws.cloudTrail(accountId, NaiveAws.REGION).describeTrails(request -> request.includeShadowTrails(true)).trailList()) {
            if (Boolean.TRUE.equals(trail.isMultiRegionTrail())
                    && Boolean.TRUE.equals(NaiveAws.cloudTrail(accountId, trail.homeRegion()).getTrailStatus(request -> request.name(trail.trailARN())).isLogging())) {
                logging.add(trail);
            }
        }
        return logging;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void cloudTrailLogsAllRegions(Member member) {
        active(member);
        boolean managementEvents = false;
        for (Trail trail : loggingMultiRegionTrails(member.id())) {
            var selectors = NaiveAws.cloudTrail(member.id(), trail.homeRegion()).getEventSelectors(request -> request.trailName(trail.trailARN()));
            managementEvents |= selectors.eventSelectors().stream().anyMatch(selector -> !Boolean.FALSE.equals(selector.includeManagementEvents())
                    && "All".equals(selector.readWriteTypeAsString())) || !selectors.advancedEventSelectors().isEmpty();
        }
        assertTrue(managementEvents, "no logging multi-region trail with all management events");
    }

    @ParameterizedTest(name = "{0} · {1}")
    @MethodSource("accountRegions")
    void noRecentRootActivity(Member member, String region) {
        active(member);
        long events = NaiveAws.cloudTrail(member.id(), region).lookupEventsPaginator(request -> request
                        .lookupAttributes(attribute -> attribute.attributeKey(LookupAttributeKey.USERNAME).attributeValue("root"))
                        .startTime(Instant.now().minus(USAGE_WINDOW)).endTime(Instant.now()))
                .events().stream().filter(event -> !event.cloudTrailEvent().contains("\"invokedBy\"")
                        && !event.cloudTrailEvent().contains("AwsServiceEvent")).count();
        assertEquals(0, events, "root activity in " + region);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootActivityIsAlarmed(Member member) {
        active(member);
        for (Trail trail : loggingMultiRegionTrails(member.id())) {
            if (trail.cloudWatchLogsLogGroupArn() == null) {
                continue;
            }
            String[] arn = trail.cloudWatchLogsLogGroupArn().split(":");
            String region = arn[3];
            String logGroup = arn[6];
            for (var filter : NaiveAws.logs(member.id(), region).describeMetricFiltersPaginator(request -> request.logGroupName(logGroup)).metricFilters()) {
                if (!filter.filterPattern().contains("Root")) {
                    continue;
                }
                for (var metric : filter.metricTransformations()) {
                    for (var alarm : NaiveAws.cloudWatch(member.id(), region).describeAlarmsForMetric(request -> request
                            .namespace(metric.metricNamespace()).metricName(metric.metricName())).metricAlarms()) {
                        for (String action : alarm.alarmActions()) {
                            if (action.startsWith("arn:aws:sns:") && NaiveAws.sns(member.id(), action.split(":")[3])
                                    .listSubscriptionsByTopicPaginator(request -> request.topicArn(action)).subscriptions().stream()
                                    .anyMatch(subscription -> subscription.subscriptionArn().startsWith("arn:"))) {
                                return;
                            }
                        }
                    }
                }
            }
        }
        fail("no alarm on root activity with a confirmed subscriber");
    }

    @ParameterizedTest(name = "{0} · {1}")
    @MethodSource("accountRegions")
    void configRecordsAllRegions(Member member, String region) {
        active(member);
        var config = NaiveAws.config(member.id(), region);
        assertFalse(config.describeConfigurationRecorders(request -> { }).configurationRecorders().isEmpty(), "no recorder in " + region);
        assertTrue(config.describeConfigurationRecorderStatus(request -> { }).configurationRecordersStatus().stream()
                .anyMatch(status -> Boolean.TRUE.equals(status.recording())), "not recording in " + region);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void configRootRulesCompliant(Member member) {
        active(member);
        var config = NaiveAws.config(member.id(), NaiveAws.REGION);
        List<String> names = config.describeConfigRulesPaginator(request -> { }).configRules().stream()
                .filter(rule -> rule.source() != null && List.of("ROOT_ACCOUNT_MFA_ENABLED", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED",
                        "IAM_ROOT_ACCESS_KEY_CHECK").contains(rule.source().sourceIdentifier()))
                .map(ConfigRule::configRuleName).toList();
        assertEquals(3, names.size(), "root rules deployed: " + names);
        for (ComplianceByConfigRule rule : config.describeComplianceByConfigRulePaginator(request -> request.configRuleNames(names))
                .complianceByConfigRules()) {
            assertTrue(List.of("COMPLIANT", "NOT_APPLICABLE").contains(rule.compliance().complianceTypeAsString()), rule.configRuleName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void accountContactsComplete(Member member) {
        active(member);
        for (AlternateContactType type : List.of(AlternateContactType.BILLING, AlternateContactType.OPERATIONS, AlternateContactType.SECURITY)) {
            try {
                NaiveAws.account(member.id()).getAlternateContact(request -> request.alternateContactType(type));
            } catch (ResourceNotFoundException none) {
                fail("no " + type + " contact");
            }
        }
        var contact = NaiveAws.account(member.id()).getContactInformation(request -> { }).contactInformation();
        assertTrue(contact.fullName() != null && contact.phoneNumber() != null, "primary contact without name or phone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootEmailOnCorporateDomain(Member member) {
        active(member);
        String email = NaiveAws.organizations().listAccountsPaginator().stream().flatMap(page -> page.accounts().stream())
                .filter(account -> account.id().equals(member.id())).findFirst().orElseThrow().email();
        assertFalse(List.of("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com").contains(email.substring(email.indexOf('@') + 1)),
                "root e-mail at a personal mail provider");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootMfaHasBackup(Member member) {
        active(member);
        if (member.id().equals(NaiveAws.managementAccountId())) {
            abort("no root session opens into the management account");
        }
        try (IamClient root = rootSession(member.id())) {
            assertTrue(root.listMFADevices(request -> { }).mfaDevices().size() >= 2, "fewer than two root MFA devices");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void rootPasswordRotated(Member member) {
        abort("no day on which root access was revoked is given");
    }

    @ParameterizedTest(name = "{0} · {1}")
    @MethodSource("accountRegions")
    void rootFindingsAreAlerted(Member member, String region) {
        active(member);
        var guardDuty = NaiveAws.guardDuty(member.id(), region);
        List<String> detectors = guardDuty.listDetectorsPaginator(request -> { }).detectorIds().stream().toList();
        assertFalse(detectors.isEmpty(), "GuardDuty is off in " + region);
        assertEquals("ENABLED", guardDuty.getDetector(request -> request.detectorId(detectors.get(0))).statusAsString(), "GuardDuty is suspended");
        if (alertsOnRootFinding(member.id(), region)) {
            return;
        }
        var administrator = guardDuty.getAdministratorAccount(request -> request.detectorId(detectors.get(0))).administrator();
        assertTrue(administrator != null && "Enabled".equalsIgnoreCase(administrator.relationshipStatus())
                && alertsOnRootFinding(administrator.accountId(), region), "no rule with a target matches the root usage finding in " + region);
    }

    private static boolean alertsOnRootFinding(String accountId, String region) {
        var events = NaiveAws.eventBridge(accountId, region);
        String finding = "{\"version\": \"0\", \"id\": \"1\", \"detail-type\": \"GuardDuty Finding\", \"source\": \"aws.guardduty\", \"account\": \""
                + accountId + "\", \"time\": \"" + Instant.now() + "\", \"region\": \"" + region + "\", \"resources\": [], \"detail\": "
                + "{\"type\": \"Policy:IAMUser/RootCredentialUsage\", \"severity\": 2}}";
        return events.listRules(request -> request.eventBusName("default")).rules().stream()
                .anyMatch(rule -> rule.eventPattern() != null && rule.stateAsString().startsWith("ENABLED")
                        && events.testEventPattern(request -> request.eventPattern(rule.eventPattern()).event(finding)).result()
                        && !events.listTargetsByRule(request -> request.rule(rule.name())).targets().isEmpty());
    }
}
