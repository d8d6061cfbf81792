package org.rootposture.lab.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.rootposture.lab.fixture.TaskPolicy;
import org.rootposture.lab.protocol.LabError;

/**
 * Who a request's credentials belong to: the lab's long-term keys ({@code AKIALAB0} and the account id), the sessions of
 * {@code sts:AssumeRole} ({@code ASIALAB0}) and the root sessions of {@code sts:AssumeRoot} ({@code ASIALAB1}), each with
 * its session token. The keys are fake and recognisable on purpose, secrets start with {@code labSecretKey/}.
 */
public final class Identities {

    private static final String ACCESS_KEY_PREFIX = "AKIALAB0";

    private final Set<String> accountIds;
    private final Clock clock;
    private final Map<String, AssumedRole> sessions = new ConcurrentHashMap<>();
    private final Map<String, AssumedRoot> rootSessions = new ConcurrentHashMap<>();

    Identities(Set<String> accountIds, Clock clock) {
        this.accountIds = accountIds;
        this.clock = clock;
    }

    public Caller resolve(String accessKeyId, String sessionToken) {
        if (accessKeyId.startsWith(ACCESS_KEY_PREFIX)) {
            String accountId = accessKeyId.substring(ACCESS_KEY_PREFIX.length());
            if (accountIds.contains(accountId)) {
                return Caller.longTerm(accountId);
            }
        }
        if (accessKeyId.startsWith(AssumedRole.KEY_PREFIX) && sessionToken != null) {
            AssumedRole session = sessions.get(sessionToken);
            if (session != null && session.accessKeyId().equals(accessKeyId)) {
                if (clock.instant().isAfter(session.expiration())) {
                    throw new LabError(400, "ExpiredToken", "The security token included in the request is expired");
                }
                return Caller.session(session);
            }
        }
        if (accessKeyId.startsWith(AssumedRoot.KEY_PREFIX) && sessionToken != null) {
            AssumedRoot session = rootSessions.get(sessionToken);
            if (session != null && session.accessKeyId().equals(accessKeyId)) {
                if (clock.instant().isAfter(session.expiration())) {
                    throw new LabError(400, "ExpiredToken", "The security token included in the request is expired");
                }
                return Caller.root(session);
            }
        }
        throw new LabError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    public AssumedRole open(String accountId, String roleName, String sessionName, Duration duration) {
        String token = "LabSessionToken/" + accountId + "/" + UUID.randomUUID();
        AssumedRole session = new AssumedRole(accountId, roleName, sessionName, token, clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(duration));
        sessions.put(token, session);
        return session;
    }

    public AssumedRoot openRoot(String accountId, TaskPolicy taskPolicy, String sourceIdentity, Duration duration) {
        String token = "LabRootSessionToken/" + accountId + "/" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AssumedRoot session = new AssumedRoot(accountId, taskPolicy, sourceIdentity, token, now, now.plus(duration));
        rootSessions.put(token, session);
        return session;
    }

    /** The long-term access key id of an account. */
    public static String accessKeyId(String accountId) {
        return ACCESS_KEY_PREFIX + accountId;
    }

    /** The secret access key of an account's long-term key and of its role sessions. */
    public static String secretAccessKey(String accountId) {
        return AssumedRole.secretFor(accountId);
    }

}
