package org.rootposture.lab;

/**
 * An alternate contact of an account, as {@code account:GetAlternateContact} returns it.
 *
 * @param name         contact name
 * @param title        contact title
 * @param emailAddress contact email
 * @param phoneNumber  contact phone number
 */
public record AlternateContactFixture(String name, String title, String emailAddress, String phoneNumber) {
}
