package org.rootposture.internal.controls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.TrailEventSelectors;
import org.rootposture.evidence.TrailStatus;
import org.rootposture.evidence.Trails;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Judges each multi-region trail an account sees: does it log every management event, read and write, and is it
 * logging? Shared by {@code trail.multi-region.logging} and {@code alarm.root-usage}, which starts from such a trail.
 */
final class TrailAssessment {

    enum State { QUALIFIES, DISQUALIFIED, UNKNOWN }

    /**
     * One trail's judgement.
     *
     * @param trail    the trail
     * @param state    whether it qualifies, does not, or cannot be told
     * @param finding  why, in words that name no trail or account (the first line of a verdict)
     * @param sentence why, naming the trail
     * @param evidence the records read about it
     */
    record Judged(Trails.Trail trail, State state, String finding, String sentence, List<Evidence> evidence) { }

    private TrailAssessment() {
    }

    static List<Judged> judge(MonitoringEvidence monitoring, Trails trails, String accountId, Optional<Duration> await) {
        return trails.multiRegion().stream().map(trail -> judge(monitoring, trail, accountId, await)).toList();
    }

    private static Judged judge(MonitoringEvidence monitoring, Trails.Trail trail, String accountId, Optional<Duration> await) {
        String name = trail.describe(accountId);
        List<Evidence> evidence = new ArrayList<>();
        Optional<EvidenceUnavailableException> selectorsUnknown = Optional.empty();
        String coverage = null;
        try {
            TrailEventSelectors selectors = monitoring.eventSelectors(trail);
            evidence.add(selectors);
            Optional<String> gap = managementEventsGap(selectors);
            if (gap.isPresent()) {
                return new Judged(trail, State.DISQUALIFIED, "The multi-region trail does not log every management event, read and write.",
                        name + " " + gap.get(), evidence);
            }
            coverage = coverage(selectors);
        } catch (EvidenceUnavailableException e) {
            evidence.add(new Unreadable(e));
            selectorsUnknown = Optional.of(e);
        }
        TrailStatus status;
        try {
            status = monitoring.trailStatus(trail, await);
            evidence.add(status);
        } catch (EvidenceUnavailableException e) {
            evidence.add(new Unreadable(e));
            return new Judged(trail, State.UNKNOWN, Reason.failed(e), name + ": whether it is logging is unknown (" + e.getMessage() + ")", evidence);
        }
        if (status.stillPending()) {
            return new Judged(trail, State.UNKNOWN, "The multi-region trail was still not logging when the wait ended.",
                    name + " was still not logging after " + status.awaited() + " (" + status.reads() + " reads)", evidence);
        }
        if (!status.logging()) {
            return new Judged(trail, State.DISQUALIFIED, "The multi-region trail is not logging.", name + " is not logging (IsLogging = false)", evidence);
        }
        if (selectorsUnknown.isPresent()) {
            return new Judged(trail, State.UNKNOWN, Reason.failed(selectorsUnknown.get()),
                    name + " is logging, but which events it logs is unknown (" + selectorsUnknown.get().getMessage() + ")", evidence);
        }
        return new Judged(trail, State.QUALIFIES, "A multi-region trail is logging every management event, read and write.",
                name + " is multi-region, logging, and logs " + coverage, evidence);
    }

    /** Why the selectors miss some management events, read or write; empty when they log them all. */
    static Optional<String> managementEventsGap(TrailEventSelectors selectors) {
        if (!selectors.advanced().isEmpty()) {
            if (selectors.advanced().stream().anyMatch(TrailAssessment::allManagementEvents)) {
                return Optional.empty();
            }
            return Optional.of("has no advanced event selector that logs all management events, read and write (selectors: "
                    + selectors.advanced().stream().map(TrailAssessment::describe).collect(Collectors.joining("; ")) + ")");
        }
        Set<String> readWrite = selectors.classic().stream()
                .filter(TrailEventSelectors.Classic::includeManagementEvents)
                .map(TrailEventSelectors.Classic::readWriteType)
                .collect(Collectors.toSet());
        if (readWrite.contains("All") || readWrite.containsAll(Set.of("ReadOnly", "WriteOnly"))) {
            return Optional.empty();
        }
        if (selectors.classic().isEmpty()) {
            return Optional.of("has no event selectors, so it logs no management events");
        }
        return Optional.of("does not log all management events, read and write (event selectors: " + selectors.classic().stream()
                .map(selector -> "ReadWriteType=" + selector.readWriteType() + ", IncludeManagementEvents=" + selector.includeManagementEvents())
                .collect(Collectors.joining("; ")) + ")");
    }

    private static boolean allManagementEvents(TrailEventSelectors.Advanced selector) {
        boolean management = selector.fieldSelectors().stream()
                .anyMatch(field -> field.field().equals("eventCategory") && field.equals().contains("Management"));
        boolean narrowed = selector.fieldSelectors().stream()
                .filter(field -> !field.field().equals("eventCategory"))
                .anyMatch(field -> field.field().equals("readOnly") || field.includes());
        return management && !narrowed;
    }

    private static String coverage(TrailEventSelectors selectors) {
        Set<String> excluded = new LinkedHashSet<>();
        if (!selectors.advanced().isEmpty()) {
            selectors.advanced().stream().filter(TrailAssessment::allManagementEvents)
                    .flatMap(selector -> selector.fieldSelectors().stream())
                    .filter(TrailEventSelectors.FieldSelector::excludes)
                    .forEach(field -> excluded.add(describe(field)));
        } else {
            selectors.classic().stream().filter(TrailEventSelectors.Classic::includeManagementEvents)
                    .forEach(selector -> selector.excludeManagementEventSources().forEach(source -> excluded.add("eventSource != " + source)));
        }
        return "all management events, read and write" + (excluded.isEmpty() ? "" : " (except " + String.join(", ", excluded) + ")");
    }

    private static String describe(TrailEventSelectors.Advanced selector) {
        return (selector.name() == null ? "unnamed" : selector.name()) + ": "
                + selector.fieldSelectors().stream().map(TrailAssessment::describe).collect(Collectors.joining(" and "));
    }

    private static String describe(TrailEventSelectors.FieldSelector field) {
        List<String> conditions = new ArrayList<>();
        field.equals().forEach(value -> conditions.add(field.field() + " = " + value));
        field.startsWith().forEach(value -> conditions.add(field.field() + " starts with " + value));
        field.endsWith().forEach(value -> conditions.add(field.field() + " ends with " + value));
        field.notEquals().forEach(value -> conditions.add(field.field() + " != " + value));
        field.notStartsWith().forEach(value -> conditions.add(field.field() + " not starting with " + value));
        field.notEndsWith().forEach(value -> conditions.add(field.field() + " not ending with " + value));
        return String.join(", ", conditions);
    }
}
