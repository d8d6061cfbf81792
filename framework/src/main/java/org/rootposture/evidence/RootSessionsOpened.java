package org.rootposture.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The central root sessions opened from this account (the organization's management account) in one region:
 * its {@code sts:AssumeRoot} events in the region's CloudTrail event history ({@code cloudtrail:LookupEvents} with
 * {@code EventName=AssumeRoot}, every page of the last 90 days), each naming who opened a session into which member
 * account for which task. Calls that failed are left out.
 *
 * @param region     the region whose history was read
 * @param openings   the sessions opened, newest first
 * @param provenance the calls that produced it
 */
public record RootSessionsOpened(String region, List<Opening> openings, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, RootSessionsOpened> RECORD = EvidenceRecord.of("monitoring.rootSessionsOpened", RootSessionsOpened.class,
            (String region) -> List.of(region), "cloudtrail:LookupEvents");

    /** How long a root session lasts at most: 15 minutes. */
    public static final Duration LONGEST_SESSION = Duration.ofMinutes(15);

    public RootSessionsOpened {
        openings = List.copyOf(openings);
    }

    /**
     * One {@code sts:AssumeRoot} call.
     *
     * @param time            when the session was opened
     * @param openedBy        the ARN of the principal who opened it
     * @param targetAccountId the member account
     * @param taskPolicy      the task policy's name, e.g. {@code IAMAuditRootUserCredentials}
     */
    public record Opening(Instant time, String openedBy, String targetAccountId, String taskPolicy) { }

    /** The session into the account that was open at the instant: the latest opened before it, at most 15 minutes earlier. */
    public Optional<Opening> openAt(String accountId, Instant at) {
        return openings.stream()
                .filter(opening -> opening.targetAccountId().equals(accountId))
                .filter(opening -> !opening.time().isAfter(at) && !opening.time().plus(LONGEST_SESSION).isBefore(at))
                .max(Comparator.comparing(Opening::time));
    }
}
