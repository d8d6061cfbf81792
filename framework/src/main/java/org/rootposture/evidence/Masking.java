package org.rootposture.evidence;

/** Masks personal contact data before it enters evidence: {@code security@example.com} becomes {@code s*******@example.com}. */
public final class Masking {

    private Masking() {
    }

    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "*".repeat(address.length());
        }
        return address.charAt(0) + "*".repeat(at - 1) + address.substring(at);
    }

    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        int visible = Math.min(2, number.length());
        return "*".repeat(number.length() - visible) + number.substring(number.length() - visible);
    }
}
