package org.rootposture.lab.iam;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.CredentialReport;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.VirtualMfaDevice;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.protocol.XmlWriter;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/**
 * IAM: the account summary, the credential report, virtual MFA devices and account aliases, and centralized root
 * access.
 */
public final class IamService implements ServiceHandler {

    private static final Map<CredentialReport.State, String> REPORT_DESCRIPTIONS = Map.of(
            CredentialReport.State.STARTED, "No report exists. Starting a new report generation task",
            CredentialReport.State.INPROGRESS, "Report generation in progress",
            CredentialReport.State.COMPLETE, "Report is complete");

    private final QueryProtocol protocol = new QueryProtocol("https://iam.amazonaws.com/doc/2010-05-08/");
    private final RootAccessOperations rootAccess = new RootAccessOperations(protocol);

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        Map<String, Operation> operations = new HashMap<>(Map.of(
                "GetAccountSummary", this::getAccountSummary,
                "GenerateCredentialReport", this::generateCredentialReport,
                "GetCredentialReport", this::getCredentialReport,
                "ListVirtualMFADevices", this::listVirtualMfaDevices,
                "ListAccountAliases", this::listAccountAliases));
        operations.putAll(rootAccess.operations());
        return Map.copyOf(operations);
    }

    private LabResponse getAccountSummary(ServiceCall call) {
        return protocol.result(call, xml -> {
            xml.start("SummaryMap");
            call.account().fixture().accountSummary().forEach((key, value) ->
                    xml.start("entry").element("key", key).element("value", value).end("entry"));
            xml.end("SummaryMap");
        });
    }

    private LabResponse generateCredentialReport(ServiceCall call) {
        CredentialReport.State state = call.account().generateCredentialReport(call.lab().now());
        return protocol.result(call, xml -> xml.element("State", state).element("Description", REPORT_DESCRIPTIONS.get(state)));
    }

    private LabResponse getCredentialReport(ServiceCall call) {
        Instant completedAt = call.account().credentialReportCompletedAt().orElseThrow(() -> new LabError(410, "ReportNotPresent",
                "The credential report does not exist. To generate a credential report, use GenerateCredentialReport."));
        Account account = call.account().fixture();
        LabTime generatedTime = account.credentialReport().generatedTime();
        Instant generated = generatedTime == null ? completedAt : call.lab().time(generatedTime);
        String csv = new CredentialReportCsv(call.lab()).render(account);
        return protocol.result(call, xml -> xml
                .element("Content", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)))
                .element("ReportFormat", "text/csv")
                .element("GeneratedTime", generated));
    }

    private LabResponse listVirtualMfaDevices(ServiceCall call) {
        String status = call.form().getOrDefault("AssignmentStatus", "Any");
        List<VirtualMfaDevice> devices = call.account().fixture().virtualMfaDevices().stream()
                .filter(device -> status.equals("Any") || status.equals("Assigned") == (device.userArn() != null))
                .toList();
        Page<VirtualMfaDevice> page = IamPages.page(call, devices);
        return protocol.result(call, xml -> {
            xml.start("VirtualMFADevices");
            page.items().forEach(device -> device(call, xml, device));
            xml.end("VirtualMFADevices");
            IamPages.truncation(xml, page);
        });
    }

    private static void device(ServiceCall call, XmlWriter xml, VirtualMfaDevice device) {
        xml.start("member").element("SerialNumber", device.serialNumber());
        if (device.userArn() != null) {
            xml.element("EnableDate", call.lab().time(device.enabled()));
            user(call, xml, device.userArn());
        }
        xml.end("member");
    }

    private static void user(ServiceCall call, XmlWriter xml, String arn) {
        String accountId = arn.substring("arn:aws:iam::".length(), "arn:aws:iam::".length() + 12);
        boolean root = arn.endsWith(":root");
        String name = root ? null : arn.substring(arn.lastIndexOf('/') + 1);
        xml.start("User")
                .element("Path", "/")
                .element("UserName", name)
                .element("UserId", root ? accountId : "AIDALAB0" + accountId + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""))
                .element("Arn", arn)
                .element("CreateDate", call.lab().time(LabTime.daysAgo(root ? 1000 : 365)))
                .end("User");
    }

    private LabResponse listAccountAliases(ServiceCall call) {
        Page<String> page = IamPages.page(call, call.account().fixture().aliases());
        return protocol.result(call, xml -> {
            xml.start("AccountAliases");
            page.items().forEach(alias -> xml.element("member", alias));
            xml.end("AccountAliases");
            IamPages.truncation(xml, page);
        });
    }

}
