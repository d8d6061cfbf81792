package org.rootposture.lab;

/**
 * An access key of an account's root user. Fake ids that start with {@code AKIALABROOT} let a secret scan recognise them.
 *
 * @param id      access key id such as {@code AKIALABROOT444400001}
 * @param status  {@code Active} (default) or {@code Inactive}
 * @param created time value of the key's creation (default {@code -P365D})
 */
public record RootAccessKeyFixture(String id, String status, String created) {

    public RootAccessKeyFixture {
        status = status == null ? "Active" : status;
        created = created == null ? "-P365D" : created;
    }
}
