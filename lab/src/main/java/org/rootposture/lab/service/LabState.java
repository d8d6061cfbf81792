package org.rootposture.lab.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.LabTime;
import org.rootposture.lab.fixture.Organization;

public final class LabState {

    private final Fixture fixture;
    private final Clock clock;
    private final Instant start;
    private final Map<String, AccountState> accounts = new LinkedHashMap<>();
    private final Identities identities;
    private final CallCounter calls = new CallCounter();
    private final CallCounter throttles = new CallCounter();

    public LabState(Fixture fixture, Clock clock) {
        this.fixture = fixture;
        this.clock = clock;
        this.start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        fixture.accounts().forEach(account -> accounts.put(account.id(), new AccountState(account)));
        this.identities = new Identities(accounts.keySet(), clock);
    }

    public Fixture fixture() {
        return fixture;
    }

    public Instant start() {
        return start;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant time(LabTime time) {
        return time.resolve(start);
    }

    public Optional<AccountState> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    Map<String, AccountState> accounts() {
        return accounts;
    }

    public Optional<Organization> organization() {
        return fixture.organizationIfAny();
    }

    /** The organization whose centralized root access this account administers, as management account or delegated administrator. */
    public Optional<Organization> rootAccessAdministeredBy(String accountId) {
        return organization().filter(org -> org.managementAccountId().equals(accountId) || org.delegatedAdministrators().contains(accountId));
    }

    public Identities identities() {
        return identities;
    }

    public CallCounter calls() {
        return calls;
    }

    public CallCounter throttles() {
        return throttles;
    }
}
