package org.rootposture.contract;

/**
 * Escapes text for HTML element content and quoted attribute values: the one escaping of every page Root Posture
 * writes (the result descriptions, the compliance matrix, the report's panels).
 *
 * <pre>
 * Html.escape("prod &lt;payments&gt;")   // "prod &amp;lt;payments&amp;gt;"
 * </pre>
 */
public final class Html {

    private Html() {
    }

    /** The text escaped; {@code null} is the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
