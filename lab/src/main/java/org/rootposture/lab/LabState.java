package org.rootposture.lab;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.Organization;

final class LabState {

    private final Fixture fixture;
    private final Clock clock;
    private final Instant start;
    private final Map<String, AccountState> accounts = new LinkedHashMap<>();
    private final Identities identities;
    private final CallCounter calls = new CallCounter();
    private final CallCounter throttles = new CallCounter();

    LabState(Fixture fixture, Clock clock) {
        this.fixture = fixture;
        this.clock = clock;
        this.start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        fixture.accounts().forEach(account -> accounts.put(account.id(), new AccountState(account)));
        this.identities = new Identities(accounts.keySet(), clock);
    }

    Fixture fixture() {
        return fixture;
    }

    Instant start() {
        return start;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    Instant time(LabTime time) {
        return time.resolve(start);
    }

    Optional<AccountState> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    Map<String, AccountState> accounts() {
        return accounts;
    }

    Optional<Organization> organization() {
        return fixture.organizationIfAny();
    }

    Identities identities() {
        return identities;
    }

    CallCounter calls() {
        return calls;
    }

    CallCounter throttles() {
        return throttles;
    }
}
