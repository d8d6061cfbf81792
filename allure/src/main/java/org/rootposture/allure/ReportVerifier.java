package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure a generated {@code index.html} can be handed to an auditor: it exists, it loads no script,
 * stylesheet or frame from another host, and it carries no analytics. With {@code ALLURE_NO_ANALYTICS=true}
 * Allure 2 leaves out the Google Tag Manager script but still writes an inline {@code gtag} stub (it only fills
 * {@code window.dataLayer} and sends nothing); {@link #removeAnalyticsStub(Path)} removes that stub so the
 * report's source shows no tracking code at all.
 */
public final class ReportVerifier {

    /** Words that must not appear in the report outside its embedded base64 payloads. */
    static final List<String> ANALYTICS_MARKERS = List.of("googletagmanager", "google-analytics", "gtag");

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{64,}={0,2}");
    private static final Pattern EXTERNAL_REFERENCE = Pattern.compile(
            "<(script|link|iframe|img)\\b[^>]*?\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//[^\\s\"'>]*",
            Pattern.CASE_INSENSITIVE);
    private static final String SCRIPT_OPEN = "<script>";
    private static final String SCRIPT_CLOSE = "</script>";

    private ReportVerifier() {
    }

    /**
     * Removes every attribute-less inline {@code <script>} element that defines {@code gtag}, with its line.
     *
     * @return whether the file was changed
     */
    public static boolean removeAnalyticsStub(Path indexHtml) {
        String html = read(indexHtml);
        String cleaned = withoutAnalyticsStub(html);
        if (cleaned.equals(html)) {
            return false;
        }
        try {
            Files.writeString(indexHtml, cleaned, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + indexHtml, e);
        }
        return true;
    }

    static String withoutAnalyticsStub(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (true) {
            int open = html.indexOf(SCRIPT_OPEN, from);
            int close = open < 0 ? -1 : html.indexOf(SCRIPT_CLOSE, open);
            if (close < 0) {
                return out.append(html, from, html.length()).toString();
            }
            int end = close + SCRIPT_CLOSE.length();
            if (html.substring(open, end).contains("function gtag(")) {
                int lineStart = open;
                while (lineStart > from && (html.charAt(lineStart - 1) == ' ' || html.charAt(lineStart - 1) == '\t')) {
                    lineStart--;
                }
                int lineEnd = end;
                if (lineEnd < html.length() && html.charAt(lineEnd) == '\r') {
                    lineEnd++;
                }
                if (lineEnd < html.length() && html.charAt(lineEnd) == '\n') {
                    lineEnd++;
                }
                out.append(html, from, lineStart);
                from = lineEnd;
            } else {
                out.append(html, from, end);
                from = end;
            }
        }
    }

    /**
     * Checks that {@code indexHtml} exists and is offline-safe.
     *
     * @throws ReportException naming the file and the offending text otherwise
     */
    public static void verify(Path indexHtml) {
        if (!Files.isRegularFile(indexHtml)) {
            throw new ReportException("The Allure commandline reported success but produced no " + indexHtml);
        }
        String html = read(indexHtml);
        if (html.isBlank()) {
            throw new ReportException("The generated report " + indexHtml + " is empty");
        }
        String visible = BASE64_RUN.matcher(html).replaceAll("");
        String lower = visible.toLowerCase(Locale.ROOT);
        for (String marker : ANALYTICS_MARKERS) {
            int at = lower.indexOf(marker);
            if (at >= 0) {
                throw new ReportException("The generated report " + indexHtml + " contains analytics code ('"
                        + excerpt(visible, at) + "'); it must not be handed out");
            }
        }
        Matcher external = EXTERNAL_REFERENCE.matcher(visible);
        if (external.find()) {
            throw new ReportException("The generated report " + indexHtml + " loads content from another host ('"
                    + external.group() + "'); it must work offline");
        }
    }

    private static String excerpt(String text, int at) {
        int start = Math.max(0, at - 40);
        int end = Math.min(text.length(), at + 60);
        return text.substring(start, end).replaceAll("\\s+", " ").trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
