package org.rootposture.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.rootposture.lab.fixture.TaskPolicy;

final class Identities {

    private final Set<String> accountIds;
    private final Clock clock;
    private final Map<String, AssumedRole> sessions = new ConcurrentHashMap<>();
    private final Map<String, AssumedRoot> rootSessions = new ConcurrentHashMap<>();

    Identities(Set<String> accountIds, Clock clock) {
        this.accountIds = accountIds;
        this.clock = clock;
    }

    Caller resolve(String accessKeyId, String sessionToken) {
        if (accessKeyId.startsWith(LabCredentials.ACCESS_KEY_PREFIX)) {
            String accountId = accessKeyId.substring(LabCredentials.ACCESS_KEY_PREFIX.length());
            if (accountIds.contains(accountId)) {
                return Caller.longTerm(accountId);
            }
        }
        if (accessKeyId.startsWith(LabCredentials.SESSION_KEY_PREFIX) && sessionToken != null) {
            AssumedRole session = sessions.get(sessionToken);
            if (session != null && session.accessKeyId().equals(accessKeyId)) {
                if (clock.instant().isAfter(session.expiration())) {
                    throw new LabError(400, "ExpiredToken", "The security token included in the request is expired");
                }
                return Caller.session(session);
            }
        }
        if (accessKeyId.startsWith(LabCredentials.ROOT_SESSION_KEY_PREFIX) && sessionToken != null) {
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

    AssumedRole open(String accountId, String roleName, String sessionName, Duration duration) {
        String token = "LabSessionToken/" + accountId + "/" + UUID.randomUUID();
        AssumedRole session = new AssumedRole(accountId, roleName, sessionName, token, clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(duration));
        sessions.put(token, session);
        return session;
    }

    AssumedRoot openRoot(String accountId, TaskPolicy taskPolicy, String sourceIdentity, Duration duration) {
        String token = "LabRootSessionToken/" + accountId + "/" + UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AssumedRoot session = new AssumedRoot(accountId, taskPolicy, sourceIdentity, token, now, now.plus(duration));
        rootSessions.put(token, session);
        return session;
    }
}
