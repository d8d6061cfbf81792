package org.rootposture.lab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

final class AccountState {

    private final AccountFixture fixture;
    private final List<ActiveFault> faults;
    private final List<HistoryEvent> recordedEvents = new CopyOnWriteArrayList<>();
    private int generationCalls;
    private Instant reportCompletedAt;

    AccountState(AccountFixture fixture) {
        this.fixture = fixture;
        this.faults = fixture.faults().stream().map(ActiveFault::new).toList();
    }

    AccountFixture fixture() {
        return fixture;
    }

    String id() {
        return fixture.id();
    }

    Optional<FaultFixture> faultFor(String operation) {
        return faults.stream().filter(fault -> fault.fires(operation)).map(ActiveFault::fault).findFirst();
    }

    /** Adds an event to the account's CloudTrail event history, as AWS records a call. */
    void record(HistoryEvent event) {
        recordedEvents.add(event);
    }

    List<HistoryEvent> recordedEvents() {
        return List.copyOf(recordedEvents);
    }

    synchronized String generateCredentialReport(Instant now) {
        List<String> states = fixture.credentialReport().generation();
        String state = states.get(Math.min(generationCalls, states.size() - 1));
        generationCalls++;
        if (state.equals("COMPLETE") && reportCompletedAt == null) {
            reportCompletedAt = now;
        }
        return state;
    }

    synchronized Optional<Instant> credentialReportCompletedAt() {
        return Optional.ofNullable(reportCompletedAt);
    }

    private record ActiveFault(FaultFixture fault, AtomicInteger requests) {

        ActiveFault(FaultFixture fault) {
            this(fault, new AtomicInteger());
        }

        boolean fires(String operation) {
            if (!fault.operation().equals(operation)) {
                return false;
            }
            return fault.times() == null || requests.incrementAndGet() <= fault.times();
        }
    }
}
