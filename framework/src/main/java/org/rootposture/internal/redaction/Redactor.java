package org.rootposture.internal.redaction;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Removes credentials and personal data from everything Root Posture writes: verdict reasons, evidence attachments
 * and snapshots, descriptions, names and waiver justifications; and masks the contact data evidence keeps. Access key ids keep their prefix and last
 * four characters; secret access keys, session tokens and values of fields named like a secret, token or password
 * are replaced; e-mail addresses keep their first character and domain.
 *
 * <pre>
 * Redactor.redact("key AKIAIOSFODNN7EXAMPLE of jane.doe@example.com")
 *     // "key AKIA************MPLE of j*******@example.com"
 * </pre>
 */
public final class Redactor {

    /** What a removed secret is replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)([A-Z0-9]{12})([A-Z0-9]{4})(?![A-Z0-9])");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(?<![\\w])([\\w.-]*(?:secret[\\w-]*key|secret|session[_-]?token|security[_-]?token|password))\\b"
                    + "(\"?\\s*[:=]\\s*\"?)([^\\s\"',;&]+)");
    private static final Pattern SECRET_ACCESS_KEY = Pattern.compile("(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])"
            + "(?=[A-Za-z0-9/+]*[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{100,}={0,2}");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])([A-Za-z0-9])([A-Za-z0-9._%+-]*)@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final int SECRET_ACCESS_KEY_LENGTH = 40;
    private static final int TOKEN_LENGTH = 100;
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(secret|secret[_-]?access[_-]?key|session[_-]?token|security[_-]?token|token|password|credentials?)");

    private Redactor() {
    }

    /** The text without credentials and with e-mail addresses masked; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.contains("AKIA") || out.contains("ASIA")) {
            out = replace(ACCESS_KEY_ID, out, m -> m.group(1) + "*".repeat(12) + m.group(3));
        }
        if (namesASecret(out)) {
            out = replace(SECRET_ASSIGNMENT, out, m -> m.group(1) + m.group(2) + REDACTED);
        }
        int longestKeyLikeRun = longestKeyLikeRun(out);
        if (longestKeyLikeRun >= TOKEN_LENGTH) {
            out = replace(TOKEN, out, m -> REDACTED);
        }
        if (longestKeyLikeRun >= SECRET_ACCESS_KEY_LENGTH) {
            out = replace(SECRET_ACCESS_KEY, out, m -> REDACTED);
        }
        if (out.indexOf('@') >= 0) {
            out = replace(EMAIL, out, m -> email(m.group(1) + m.group(2)) + "@" + m.group(3));
        }
        return out;
    }

    /**
     * An e-mail address, or its local part, masked: the first character and at least three stars, so that neither the
     * name nor its length shows ({@code security@example.com} becomes {@code s*******@example.com}); {@code null} stays
     * {@code null}.
     */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String masked = local.isEmpty() ? "***" : local.charAt(0) + "*".repeat(Math.max(3, local.length() - 1));
        return at < 0 ? masked : masked + address.substring(at);
    }

    /** A phone number with all but its last two digits masked; {@code null} stays {@code null}. */
    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        int visible = Math.min(2, number.length());
        return "*".repeat(number.length() - visible) + number.substring(number.length() - visible);
    }

    /** Whether "secret", "token" or "password" occurs in the text, in any case: what a secret assignment needs. */
    private static boolean namesASecret(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c == 's' && text.regionMatches(true, i, "secret", 0, 6) || c == 't' && text.regionMatches(true, i, "token", 0, 5)
                    || c == 'p' && text.regionMatches(true, i, "password", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    private static int longestKeyLikeRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keyLike = c < 128 && (Character.isLetterOrDigit(c) || c == '/' || c == '+');
            run = keyLike ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Redacts a JSON tree in place: every text value, and the whole value of a field named like a secret. */
    public static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && SECRET_FIELD.matcher(field.getKey()).matches()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    field.setValue(redact(field.getValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        } else if (node != null && node.isTextual()) {
            return TextNode.valueOf(redact(node.asText()));
        }
        return node;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        return matcher.appendTail(out).toString();
    }
}
