package org.rootposture.lab;

import java.util.function.Consumer;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Fixture;

/** Small fixtures for the lab's own tests. */
final class Fixtures {

    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";

    private Fixtures() {
    }

    /** A two-account organization, its management account named management, its member account named member. */
    static Fixture organization() {
        return organization(member -> { });
    }

    /** A two-account organization whose member account is set up further by {@code member}. */
    static Fixture organization(Consumer<Account.Builder> member) {
        return Fixture.builder()
                .organization("o-test000001", MANAGEMENT)
                .account(MANAGEMENT, account -> account.name("management"))
                .account(MEMBER, account -> member.accept(account.name("member")))
                .build();
    }

    /** One stand-alone account, 111111111111, with the lab's defaults. */
    static Fixture single() {
        return single(account -> { });
    }

    /** One stand-alone account, 111111111111, set up by {@code account}. */
    static Fixture single(Consumer<Account.Builder> account) {
        return Fixture.builder().account(MANAGEMENT, account).build();
    }
}
