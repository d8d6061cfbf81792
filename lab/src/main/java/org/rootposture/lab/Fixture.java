package org.rootposture.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a lab serves: an optional AWS organization and its accounts, read from JSON. Time values are ISO-8601 instants
 * or, when they start with {@code -P}, durations before the lab's start ({@code -P7D} is a week before it starts).
 * Reading validates the whole fixture and fails with an {@link IllegalArgumentException} that names the field and the
 * account.
 *
 * @param organization the organization all accounts belong to, or {@code null} for stand-alone accounts
 * @param pageSize     page size of paginated answers when the request sets none (default 100)
 * @param accounts     the accounts, at least one
 */
public record Fixture(OrganizationFixture organization, Integer pageSize, List<AccountFixture> accounts) {

    static final int DEFAULT_PAGE_SIZE = 100;

    public Fixture {
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        accounts = Copies.list(accounts);
        FixtureValidator.validate(organization, pageSize, accounts);
    }

    /** Reads a fixture from JSON text. */
    public static Fixture fromJson(String json) {
        return FixtureReader.read(json, null);
    }

    /** Reads a fixture from a UTF-8 JSON file. */
    public static Fixture fromPath(Path path) {
        try {
            return FixtureReader.read(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + path, e);
        }
    }

    /** Reads a fixture from a class path resource such as {@code /demo-organization.json}. */
    public static Fixture fromClasspath(String resource) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture on the class path at " + resource);
            }
            return FixtureReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource);
        return in != null ? in : Fixture.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource);
    }

    /** The organization, if the accounts belong to one. */
    public Optional<OrganizationFixture> organizationIfAny() {
        return Optional.ofNullable(organization);
    }

    /** The account with this id, if the fixture has it. */
    public Optional<AccountFixture> account(String accountId) {
        return accounts.stream().filter(account -> account.id().equals(accountId)).findFirst();
    }

    /** The account whose credentials a lab hands out as the caller's: the management account, else the first one. */
    public AccountFixture callerAccount() {
        return organizationIfAny().flatMap(org -> account(org.managementAccountId())).orElse(accounts.get(0));
    }
}
