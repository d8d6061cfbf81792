package org.rootposture.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The root user's events in one region's CloudTrail event history ({@code cloudtrail:LookupEvents} with
 * {@code Username=root}, every page), without the events AWS services perform as root ({@code eventType =
 * AwsServiceEvent}, or a {@code userIdentity.invokedBy}) and without events of an IAM user who happens to be called root.
 * Events of central root sessions ({@code sts:AssumeRoot}, {@code userIdentity.sessionContext.assumedRoot = "true"}) are
 * kept apart: a privileged task opened from the management account, not use of the root user's own credentials.
 *
 * @param region                 the region whose history was read
 * @param from                   start of the history read
 * @param to                     end of the history read
 * @param events                 the root user's own events (its password or access keys), newest first
 * @param rootSessionEvents      events of central root sessions, newest first
 * @param excludedServiceEvents  events left out because an AWS service acted (AwsServiceEvent or invokedBy)
 * @param excludedNotRoot        events left out because their identity is not the root user (an IAM user named root)
 * @param provenance             the calls that produced it
 */
public record RootActivity(String region, Instant from, Instant to, List<Event> events, List<Event> rootSessionEvents,
                           int excludedServiceEvents, int excludedNotRoot, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, RootActivity> RECORD = EvidenceRecord.of("monitoring.rootActivity", RootActivity.class,
            (String region) -> List.of(region), "cloudtrail:LookupEvents");

    /** How far back CloudTrail's event history goes, and so how far back root activity can be read. */
    public static final Duration EVENT_HISTORY = Duration.ofDays(90);

    public RootActivity {
        events = List.copyOf(events);
        rootSessionEvents = rootSessionEvents == null ? List.of() : List.copyOf(rootSessionEvents);
    }

    /**
     * One event of the root user.
     *
     * @param time      when it happened
     * @param name      e.g. {@code ConsoleLogin}
     * @param source    e.g. {@code signin.amazonaws.com}
     * @param sourceIp  the caller's IP address
     * @param region    the region it happened in
     * @param eventId   CloudTrail's event id
     * @param succeeded false for an event that records a failure: an {@code errorCode}, or a sign-in event answered
     *                  {@code Failure}
     */
    public record Event(Instant time, String name, String source, String sourceIp, String region, String eventId, boolean succeeded) {

        /** An event that succeeded. */
        public Event(Instant time, String name, String source, String sourceIp, String region, String eventId) {
            this(time, name, source, sourceIp, region, eventId, true);
        }

        /** {@code 2026-11-20T08:15:00Z ConsoleLogin from 198.51.100.10 in eu-west-1}. */
        public String describe() {
            return time + " " + name + " from " + sourceIp + " in " + region;
        }
    }

    /** The root user's own events at or after the instant. */
    public List<Event> since(Instant start) {
        return events.stream().filter(event -> !event.time().isBefore(start)).toList();
    }

    /** The central root sessions' events at or after the instant, oldest first. */
    public List<Event> rootSessionEventsSince(Instant start) {
        return rootSessionEvents.stream().filter(event -> !event.time().isBefore(start))
                .sorted(Comparator.comparing(Event::time)).toList();
    }
}
