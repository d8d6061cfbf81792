package org.rootposture.lab.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.CredentialReport;
import org.rootposture.lab.fixture.Fault;

public final class AccountState {

    private final Account fixture;
    private final List<ActiveFault> faults;
    private final List<HistoryEvent> recordedEvents = new CopyOnWriteArrayList<>();
    private int generationCalls;
    private Instant reportCompletedAt;

    AccountState(Account fixture) {
        this.fixture = fixture;
        this.faults = fixture.faults().stream().map(ActiveFault::new).toList();
    }

    public Account fixture() {
        return fixture;
    }

    public String id() {
        return fixture.id();
    }

    public Optional<Fault> faultFor(String operation) {
        return faults.stream().filter(fault -> fault.fires(operation)).map(ActiveFault::fault).findFirst();
    }

    /** Adds an event to the account's CloudTrail event history, as AWS records a call. */
    public void record(HistoryEvent event) {
        recordedEvents.add(event);
    }

    public List<HistoryEvent> recordedEvents() {
        return List.copyOf(recordedEvents);
    }

    public synchronized CredentialReport.State generateCredentialReport(Instant now) {
        List<CredentialReport.State> states = fixture.credentialReport().generation();
        CredentialReport.State state = states.get(Math.min(generationCalls, states.size() - 1));
        generationCalls++;
        if (state == CredentialReport.State.COMPLETE && reportCompletedAt == null) {
            reportCompletedAt = now;
        }
        return state;
    }

    public synchronized Optional<Instant> credentialReportCompletedAt() {
        return Optional.ofNullable(reportCompletedAt);
    }

    private record ActiveFault(Fault fault, AtomicInteger requests) {

        ActiveFault(Fault fault) {
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
