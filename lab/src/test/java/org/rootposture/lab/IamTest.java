package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_ACTIVE;
import static org.rootposture.lab.fixture.CredentialReport.Column.ACCESS_KEY_1_LAST_ROTATED;
import static org.rootposture.lab.fixture.CredentialReport.Column.MFA_ACTIVE;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_ENABLED;
import static org.rootposture.lab.fixture.CredentialReport.Column.PASSWORD_LAST_USED;
import static org.rootposture.lab.fixture.CredentialReport.State.COMPLETE;
import static org.rootposture.lab.fixture.CredentialReport.State.INPROGRESS;
import static org.rootposture.lab.fixture.CredentialReport.State.STARTED;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

class IamTest {

    private static final DateTimeFormatter AWS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    @Test
    void accountSummaryServesTheFixturesEntries() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.accountSummary(Map.of("AccountMFAEnabled", 1, "AccountAccessKeysPresent", 0, "Users", 12))));
             LabClients clients = new LabClients(lab)) {
            Map<SummaryKeyType, Integer> summary = clients.iam().getAccountSummary().summaryMap();

            assertThat(summary).containsOnly(
                    Map.entry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1),
                    Map.entry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0),
                    Map.entry(SummaryKeyType.USERS, 12));
        }
    }

    @Test
    void credentialReportGenerationFollowsTheFixtureThenTheReportDecodes() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.credentialReport(report -> report
                .generation(STARTED, INPROGRESS, COMPLETE)
                .generatedAt(LabTime.ago(Duration.ofHours(1)))
                .root(row -> row.with(PASSWORD_ENABLED, true).with(PASSWORD_LAST_USED, LabTime.daysAgo(200)).with(MFA_ACTIVE, true))
                .user("alice", row -> row.with(MFA_ACTIVE, true).with(ACCESS_KEY_1_ACTIVE, true)
                        .with(ACCESS_KEY_1_LAST_ROTATED, LabTime.at("2024-05-01T10:00:00Z"))))));
             LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();

            assertThatThrownBy(iam::getCredentialReport).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
                assertThat(e.statusCode()).isEqualTo(410);
            });
            List<ReportStateType> states = IntStream.range(0, 5).mapToObj(i -> iam.generateCredentialReport().state()).toList();
            assertThat(states).containsExactly(ReportStateType.STARTED, ReportStateType.INPROGRESS, ReportStateType.COMPLETE,
                    ReportStateType.COMPLETE, ReportStateType.COMPLETE);

            GetCredentialReportResponse report = iam.getCredentialReport();
            assertThat(report.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
            assertThat(report.generatedTime()).isEqualTo(lab.startedAt().minusSeconds(3600));
            List<String> lines = report.content().asUtf8String().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo(HEADER);
            Map<String, String> root = row(lines.get(0), lines.get(1));
            assertThat(root).containsEntry("user", "<root_account>")
                    .containsEntry("arn", "arn:aws:iam::111111111111:root")
                    .containsEntry("password_enabled", "true")
                    .containsEntry("password_last_used", daysBeforeStart(lab, 200))
                    .containsEntry("password_last_changed", "not_supported")
                    .containsEntry("mfa_active", "true")
                    .containsEntry("access_key_1_active", "false")
                    .containsEntry("access_key_1_last_rotated", "N/A")
                    .containsEntry("cert_2_last_rotated", "N/A");
            Map<String, String> alice = row(lines.get(0), lines.get(2));
            assertThat(alice).containsEntry("user", "alice")
                    .containsEntry("arn", "arn:aws:iam::111111111111:user/alice")
                    .containsEntry("mfa_active", "true")
                    .containsEntry("password_enabled", "false")
                    .containsEntry("access_key_1_active", "true")
                    .containsEntry("access_key_1_last_rotated", "2024-05-01T10:00:00+00:00");
        }
    }

    @Test
    void aReportThatNeverCompletesIsNotPresent() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.credentialReport(report -> report.generation(STARTED, INPROGRESS))));
             LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);

            assertThatThrownBy(iam::getCredentialReport)
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent"));
        }
    }

    @Test
    void theRootRowCanBeLeftOut() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.credentialReport(report -> report.withoutRoot().user("bob", row -> row))));
             LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();
            iam.generateCredentialReport();

            List<String> lines = iam.getCredentialReport().content().asUtf8String().lines().toList();

            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("bob,arn:aws:iam::111111111111:user/bob,");
            assertThat(lines).noneMatch(line -> line.startsWith("<root_account>"));
        }
    }

    @Test
    void aRawCsvReplacesTheWholeReport() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.credentialReport(report -> report.csv("user,arn\n<root_account>"))));
             LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();
            iam.generateCredentialReport();

            assertThat(iam.getCredentialReport().content().asUtf8String()).isEqualTo("user,arn\n<root_account>");
        }
    }

    @Test
    void virtualMfaDevicesArePagedAndTheSdkPaginatorSeesThemAll() {
        try (Lab lab = Lab.start(Fixture.builder().pageSize(1).account(Fixtures.MANAGEMENT, account -> account
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/root-key", "arn:aws:iam::111111111111:root", LabTime.daysAgo(30))
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/alice", "arn:aws:iam::111111111111:user/alice", LabTime.daysAgo(90))
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/spare")).build()); LabClients clients = new LabClients(lab)) {
            List<VirtualMFADevice> devices = clients.iam()
                    .listVirtualMFADevicesPaginator(request -> request.assignmentStatus(AssignmentStatusType.ANY))
                    .virtualMFADevices().stream().toList();

            assertThat(devices).extracting(VirtualMFADevice::serialNumber).containsExactly(
                    "arn:aws:iam::111111111111:mfa/root-key", "arn:aws:iam::111111111111:mfa/alice", "arn:aws:iam::111111111111:mfa/spare");
            assertThat(lab.calls().get("111111111111")).containsEntry("iam:ListVirtualMFADevices", 3);
            VirtualMFADevice root = devices.get(0);
            assertThat(root.user().arn()).isEqualTo("arn:aws:iam::111111111111:root");
            assertThat(root.user().userId()).isEqualTo("111111111111");
            assertThat(root.enableDate()).isEqualTo(lab.startedAt().atZone(ZoneOffset.UTC).minusDays(30).toInstant());
            assertThat(devices.get(1).user().userName()).isEqualTo("alice");
            assertThat(devices.get(1).user().createDate()).isBefore(Instant.now());
            assertThat(devices.get(2).user()).isNull();
            assertThat(devices.get(2).enableDate()).isNull();
        }
    }

    @Test
    void virtualMfaDevicesHonourTheAssignmentStatusAndMaxItems() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/a", "arn:aws:iam::111111111111:user/a", LabTime.daysAgo(90))
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/b", "arn:aws:iam::111111111111:user/b", LabTime.daysAgo(90))
                .virtualMfaDevice("arn:aws:iam::111111111111:mfa/spare"))); LabClients clients = new LabClients(lab)) {
            IamClient iam = clients.iam();

            assertThat(iam.listVirtualMFADevices(request -> request.assignmentStatus(AssignmentStatusType.UNASSIGNED)).virtualMFADevices())
                    .extracting(VirtualMFADevice::serialNumber).containsExactly("arn:aws:iam::111111111111:mfa/spare");
            var firstPage = iam.listVirtualMFADevices(request -> request.assignmentStatus(AssignmentStatusType.ASSIGNED).maxItems(1));
            assertThat(firstPage.isTruncated()).isTrue();
            assertThat(firstPage.virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).containsExactly("arn:aws:iam::111111111111:mfa/a");
            var secondPage = iam.listVirtualMFADevices(request -> request.assignmentStatus(AssignmentStatusType.ASSIGNED)
                    .maxItems(1).marker(firstPage.marker()));
            assertThat(secondPage.isTruncated()).isFalse();
            assertThat(secondPage.marker()).isNull();
            assertThat(secondPage.virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).containsExactly("arn:aws:iam::111111111111:mfa/b");
            assertThatThrownBy(() -> iam.listVirtualMFADevices(request -> request.marker("bogus")))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
        }
    }

    @Test
    void accountAliasesComeFromTheFixture() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.alias("acme-billing"))); LabClients clients = new LabClients(lab)) {
            assertThat(clients.iam().listAccountAliases().accountAliases()).containsExactly("acme-billing");
        }
    }

    private static Map<String, String> row(String header, String line) {
        String[] names = header.split(",");
        String[] values = line.split(",", -1);
        assertThat(values).hasSameSizeAs(names);
        return IntStream.range(0, names.length).boxed().collect(Collectors.toMap(i -> names[i], i -> values[i]));
    }

    private static String daysBeforeStart(Lab lab, int days) {
        return AWS_DATE.format(lab.startedAt().atZone(ZoneOffset.UTC).minus(Period.ofDays(days)));
    }
}
