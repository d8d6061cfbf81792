package org.rootposture.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rootposture.LabRun;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

class ReadOnlyGuardTest {

    @Test
    void writesAreRefusedBeforeAnythingIsSent() {
        try (LabRun lab = LabRun.demo(Map.of()); Sessions sessions = new Sessions(lab.settings())) {
            IamClient iam = sessions.caller().client(IamClient.class);
            assertThat(iam.getAccountSummary().summaryMapAsStrings()).containsKey("AccountMFAEnabled");
            int before = lab.lab().totalCalls();
            assertThatThrownBy(() -> iam.createUser(request -> request.userName("intruder")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Root Posture is read-only: iam:CreateUser is not an action of its audit policy");
            assertThatThrownBy(() -> sessions.caller().client(OrganizationsClient.class).leaveOrganization())
                    .hasMessageContaining("organizations:LeaveOrganization");
            assertThatThrownBy(() -> iam.deleteVirtualMFADevice(request -> request.serialNumber("arn:aws:iam::111111111111:mfa/x")))
                    .hasMessageContaining("iam:DeleteVirtualMFADevice");
            assertThatThrownBy(() -> sessions.caller().client(EventBridgeClient.class).putRule(request -> request.name("x")))
                    .hasMessageContaining("Root Posture is read-only: events:PutRule is not an action");
            assertThatThrownBy(() -> sessions.caller().client(GuardDutyClient.class).deleteDetector(request -> request.detectorId("x")))
                    .hasMessageContaining("Root Posture is read-only: guardduty:DeleteDetector is not an action");
            assertThat(lab.lab().totalCalls()).isEqualTo(before);
            assertThat(sessions.caller().client(StsClient.class).getCallerIdentity().account()).isEqualTo("111111111111");
        }
    }

    @Test
    void thePolicyIsReadOnlyButForTheCredentialReportAndAuditSessions() {
        assertThat(ReadOnlyGuard.allowedActions())
                .contains("iam:GetAccountSummary", "iam:GenerateCredentialReport", "sts:AssumeRole", "sts:AssumeRoot")
                .allSatisfy(action -> assertThat(action).matches(
                        "[a-z]+:(Get|List|Describe|Lookup)[A-Za-z]+|iam:GenerateCredentialReport|sts:AssumeRole|sts:AssumeRoot"
                                // evaluates an event pattern against an event it is given, and changes nothing
                                + "|events:TestEventPattern"));
    }
}
