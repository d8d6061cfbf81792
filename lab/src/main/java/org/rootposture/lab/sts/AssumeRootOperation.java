package org.rootposture.lab.sts;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.TaskPolicy;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.protocol.SigV4Scope;
import org.rootposture.lab.service.AccountState;
import org.rootposture.lab.service.AssumedRoot;
import org.rootposture.lab.service.HistoryEvent;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;

/** STS {@code AssumeRoot}: a short root session in a member account, scoped by an AWS root task policy. */
final class AssumeRootOperation implements Operation {

    private static final Pattern TARGET = Pattern.compile("(?:arn:aws:iam::)?(\\d{12})(?::root)?");
    private static final int MAX_SECONDS = 900;

    private final QueryProtocol protocol;

    AssumeRootOperation(QueryProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public LabResponse serve(ServiceCall call) {
        String principal = call.form().get("TargetPrincipal");
        Matcher target = principal == null ? null : TARGET.matcher(principal);
        if (target == null || !target.matches()) {
            throw LabError.validation("1 validation error detected: Value '" + principal + "' at 'targetPrincipal' failed to satisfy constraint: "
                    + "Member must be an account ID or the ARN of an account's root user such as arn:aws:iam::123456789012:root");
        }
        String policyArn = call.form().getOrDefault("TaskPolicyArn.arn", call.form().get("TaskPolicyArn.Arn"));
        TaskPolicy policy = TaskPolicy.of(policyArn).orElseThrow(() -> LabError.validation("The task policy " + policyArn
                + " is not an AWS managed root task policy: use one of " + Arrays.stream(TaskPolicy.values()).map(TaskPolicy::arn).toList()));
        Duration duration = duration(call.form().get("DurationSeconds"));
        String accountId = target.group(1);
        authorize(call, accountId);
        AssumedRoot session = call.lab().identities().openRoot(accountId, policy, call.caller().name(), duration);
        call.account().record(HistoryEvent.assumeRoot(call.caller().accountId(), call.requestId(), session.openedAt(),
                SigV4Scope.parse(call.request().header("authorization")).region(), call.caller().arn(), accountId, policy.arn(), session.expiration()));
        return protocol.result(call, xml -> xml
                .start("Credentials")
                .element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", session.secretAccessKey())
                .element("SessionToken", session.sessionToken())
                .element("Expiration", session.expiration())
                .end("Credentials")
                .element("SourceIdentity", session.sourceIdentity()));
    }

    private static void authorize(ServiceCall call, String accountId) {
        String resource = "arn:aws:iam::" + accountId + ":root";
        Organization org = call.lab().rootAccessAdministeredBy(call.caller().accountId()).orElseThrow(() -> denied(call, resource,
                "the caller's account is not the management account or a delegated administrator for centralized root access"));
        if (!org.features().contains(Organization.Feature.ROOT_SESSIONS)) {
            throw denied(call, resource, "root sessions (RootSessions) are not enabled for the organization " + org.id());
        }
        if (accountId.equals(org.managementAccountId())) {
            throw denied(call, resource, "AssumeRoot cannot target the organization's management account");
        }
        AccountState account = call.lab().account(accountId).orElseThrow(() -> denied(call, resource,
                "account " + accountId + " is not a member of the organization " + org.id()));
        if (account.fixture().status() != Account.Status.ACTIVE) {
            throw denied(call, resource, "account " + accountId + " is " + account.fixture().status());
        }
    }

    private static LabError denied(ServiceCall call, String resource, String reason) {
        return LabError.accessDenied("User: " + call.caller().arn() + " is not authorized to perform: sts:AssumeRoot on resource: "
                + resource + " because " + reason);
    }

    private static Duration duration(String seconds) {
        if (seconds == null) {
            return Duration.ofSeconds(MAX_SECONDS);
        }
        long value;
        try {
            value = Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            throw LabError.validation("DurationSeconds must be a number of seconds, not " + seconds);
        }
        if (value < 0 || value > MAX_SECONDS) {
            throw LabError.validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value less than or equal to " + MAX_SECONDS);
        }
        return Duration.ofSeconds(value);
    }
}
