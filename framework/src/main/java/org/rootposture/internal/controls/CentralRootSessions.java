package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.RootSessionsOpened;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Describes the events of central root sessions in a member account's event history: privileged tasks opened with
 * {@code sts:AssumeRoot} from the management account, not use of the root user's own credentials. Who opened each
 * session, and for which task, comes from the management account's {@code AssumeRoot} events, where they can be read:
 * in the events' region and the member's other regions (STS records the call in the region of its endpoint, while IAM
 * records a session's IAM calls in us-east-1). The session open at an event's time is the latest opened into this
 * account at most 15 minutes before it.
 */
final class CentralRootSessions {

    private static final int NAMES_LISTED = 10;

    private CentralRootSessions() {
    }

    /**
     * One sentence about the events, or an empty string when there are none; the records read are added to {@code used}.
     *
     * @param events the sessions' events, oldest first
     */
    static String describe(AccountEvidence evidence, String region, List<RootActivity.Event> events, List<Evidence> used) {
        if (events.isEmpty()) {
            return "";
        }
        String accountId = evidence.identity().accountId();
        List<RootSessionsOpened> opened = new ArrayList<>();
        Optional<EvidenceUnavailableException> failure = Optional.empty();
        String management = null;
        try {
            management = evidence.organization().managementAccountId();
            MonitoringEvidence managementMonitoring = evidence.monitoringOf(management);
            for (String inRegion : regions(evidence, region)) {
                try {
                    RootSessionsOpened read = managementMonitoring.rootSessionsOpened(inRegion);
                    used.add(read);
                    opened.add(read);
                } catch (EvidenceUnavailableException e) {
                    used.add(new Unreadable(e));
                    failure = Optional.of(e);
                }
            }
        } catch (EvidenceUnavailableException e) {
            used.add(new Unreadable(e));
            failure = Optional.of(e);
        }
        String unknownOpener = failure.map(e -> "who opened it is unknown, as the management account's AssumeRoot events cannot all be read ("
                        + e.getMessage() + ")")
                .orElse("no AssumeRoot event of the management account " + management + " in "
                        + opened.stream().map(RootSessionsOpened::region).collect(Collectors.joining(", ")) + " opened it");
        Map<Optional<RootSessionsOpened.Opening>, List<RootActivity.Event>> bySession = new LinkedHashMap<>();
        for (RootActivity.Event event : events) {
            Optional<RootSessionsOpened.Opening> opening = opened.stream()
                    .flatMap(sessions -> sessions.openAt(accountId, event.time()).stream())
                    .max(Comparator.comparing(RootSessionsOpened.Opening::time));
            bySession.computeIfAbsent(opening, key -> new ArrayList<>()).add(event);
        }
        String sessions = bySession.entrySet().stream()
                .map(session -> session.getKey()
                        .map(opening -> "a session opened at " + opening.time() + " by " + opening.openedBy() + " for the task " + opening.taskPolicy()
                                + ": " + actions(session.getValue()))
                        .orElse(actions(session.getValue()) + ", where " + unknownOpener))
                .collect(Collectors.joining("; "));
        return events.size() + " event" + (events.size() == 1 ? "" : "s") + " of central root sessions (sts:AssumeRoot from the management "
                + "account: privileged tasks, not use of the root user's own credentials): " + sessions + ".";
    }

    /** The events' region first, then the account's other regions, where they can be read. */
    private static List<String> regions(AccountEvidence evidence, String region) {
        List<String> others;
        try {
            others = evidence.enabledRegions().regions();
        } catch (EvidenceUnavailableException e) {
            others = List.of();
        }
        return Stream.concat(Stream.of(region), others.stream()).distinct().toList();
    }

    private static String actions(List<RootActivity.Event> events) {
        List<String> names = events.stream().map(RootActivity.Event::name).distinct().toList();
        String first = events.get(0).time().toString();
        String last = events.get(events.size() - 1).time().toString();
        return events.size() + " action" + (events.size() == 1 ? " at " + first : "s from " + first + " to " + last) + " ("
                + names.stream().limit(NAMES_LISTED).collect(Collectors.joining(", "))
                + (names.size() > NAMES_LISTED ? " and " + (names.size() - NAMES_LISTED) + " more" : "") + ")";
    }
}
