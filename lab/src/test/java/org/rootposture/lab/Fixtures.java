package org.rootposture.lab;

/** Small fixtures for the lab's own tests. */
final class Fixtures {

    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";

    private Fixtures() {
    }

    /** A two-account organization; the member's JSON members go into the second account. */
    static Fixture organization(String memberJson) {
        return Fixture.fromJson("""
                {"organization": {"id": "o-test000001", "managementAccountId": "111111111111"},
                 "accounts": [
                   {"id": "111111111111", "name": "management"},
                   {"id": "222222222222", "name": "member" %s}]}
                """.formatted(memberJson.isBlank() ? "" : ", " + memberJson));
    }

    /** One stand-alone account with the given JSON members. */
    static Fixture single(String accountJson) {
        return Fixture.fromJson("""
                {"accounts": [{"id": "111111111111" %s}]}
                """.formatted(accountJson.isBlank() ? "" : ", " + accountJson));
    }
}
