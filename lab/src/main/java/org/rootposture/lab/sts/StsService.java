package org.rootposture.lab.sts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.service.AccountState;
import org.rootposture.lab.service.AssumedRole;
import org.rootposture.lab.service.Caller;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

/** STS: who the caller is, sessions in other accounts, and root sessions in member accounts. */
public final class StsService implements ServiceHandler {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[^/]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final QueryProtocol protocol = new QueryProtocol("https://sts.amazonaws.com/doc/2011-06-15/");
    private final AssumeRootOperation assumeRoot = new AssumeRootOperation(protocol);

    @Override
    public String service() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "GetCallerIdentity", this::getCallerIdentity,
                "AssumeRole", this::assumeRole,
                "AssumeRoot", assumeRoot);
    }

    private LabResponse getCallerIdentity(ServiceCall call) {
        Caller caller = call.caller();
        return protocol.result(call, xml -> xml
                .element("Arn", caller.arn())
                .element("UserId", caller.userId())
                .element("Account", caller.accountId()));
    }

    private LabResponse assumeRole(ServiceCall call) {
        String roleArn = call.form().get("RoleArn");
        String sessionName = call.form().get("RoleSessionName");
        Matcher role = roleArn == null ? null : ROLE_ARN.matcher(roleArn);
        if (role == null || !role.matches()) {
            throw LabError.validation("1 validation error detected: Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: "
                    + "Member must be a role ARN such as arn:aws:iam::123456789012:role/name");
        }
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            throw LabError.validation("1 validation error detected: Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        Optional<AccountState> target = call.lab().account(role.group(1)).filter(account -> account.fixture().assumable());
        if (target.isEmpty()) {
            throw LabError.notAuthorized(call.caller().arn(), "sts:AssumeRole", roleArn);
        }
        AssumedRole session = call.lab().identities().open(role.group(1), role.group(2), sessionName, duration(call));
        return protocol.result(call, xml -> xml
                .start("Credentials")
                .element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", session.secretAccessKey())
                .element("SessionToken", session.sessionToken())
                .element("Expiration", session.expiration())
                .end("Credentials")
                .start("AssumedRoleUser")
                .element("AssumedRoleId", session.assumedRoleId())
                .element("Arn", Caller.session(session).arn())
                .end("AssumedRoleUser"));
    }

    private static Duration duration(ServiceCall call) {
        String seconds = call.form().get("DurationSeconds");
        if (seconds == null) {
            return Duration.ofHours(1);
        }
        try {
            long value = Long.parseLong(seconds);
            if (value >= 900 && value <= 43_200) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            throw LabError.validation("DurationSeconds must be a number of seconds, not " + seconds);
        }
        throw LabError.validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
                + "Member must have value between 900 and 43200");
    }
}
