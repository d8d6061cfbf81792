package org.rootposture.allure;

import java.io.IOException;
import java.io.InputStream;
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
 * stylesheet or frame from another host, and it carries no analytics (see {@link IndexHtml} for the stub Allure
 * writes). The page is read once through bounded buffers, however large: its embedded base64 payloads are skipped,
 * and the rest is searched in overlapping windows, so a reference up to {@value #OVERLAP} bytes long is always seen
 * whole.
 */
public final class ReportVerifier {

    /** Words that must not appear in the report outside its embedded base64 payloads. */
    static final List<String> ANALYTICS_MARKERS = List.of("googletagmanager", "google-analytics", "gtag");

    static final int OVERLAP = 1 << 16;

    private static final int WINDOW = 1 << 20;
    private static final int SHORTEST_PAYLOAD = 64;
    private static final int LONGEST_PADDING = 2;
    private static final Pattern EXTERNAL_REFERENCE = Pattern.compile(
            "<(script|link|iframe|img)\\b[^>]*?\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//[^\\s\"'>]*",
            Pattern.CASE_INSENSITIVE);

    private final Path indexHtml;
    private final byte[] window = new byte[WINDOW];
    private int windowLength;
    private final byte[] candidate = new byte[SHORTEST_PAYLOAD];
    private int candidateLength;
    private int padding;
    private boolean inPayload;
    private boolean blank = true;

    private ReportVerifier(Path indexHtml) {
        this.indexHtml = indexHtml;
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
        ReportVerifier verifier = new ReportVerifier(indexHtml);
        try (InputStream in = Files.newInputStream(indexHtml)) {
            byte[] chunk = new byte[WINDOW / 16];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                for (int i = 0; i < read; i++) {
                    verifier.accept(chunk[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + indexHtml, e);
        }
        verifier.end();
    }

    private void accept(byte b) {
        if (blank && !Character.isWhitespace(b)) {
            blank = false;
        }
        if (isBase64(b)) {
            if (inPayload && padding == 0) {
                return;
            }
            inPayload = false;
            padding = 0;
            candidate[candidateLength++] = b;
            if (candidateLength == SHORTEST_PAYLOAD) {
                candidateLength = 0;
                inPayload = true;
            }
        } else if (b == '=' && inPayload && padding < LONGEST_PADDING) {
            padding++;
        } else {
            inPayload = false;
            padding = 0;
            releaseCandidate();
            see(b);
        }
    }

    private static boolean isBase64(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/';
    }

    private void releaseCandidate() {
        for (int i = 0; i < candidateLength; i++) {
            see(candidate[i]);
        }
        candidateLength = 0;
    }

    private void see(byte b) {
        if (windowLength == window.length) {
            check(window.length - OVERLAP);
            System.arraycopy(window, window.length - OVERLAP, window, 0, OVERLAP);
            windowLength = OVERLAP;
        }
        window[windowLength++] = b;
    }

    private void end() {
        releaseCandidate();
        if (blank) {
            throw new ReportException("The generated report " + indexHtml + " is empty");
        }
        check(windowLength);
    }

    /** Checks the window for what starts before {@code end}; what starts later is checked whole in the next window. */
    private void check(int end) {
        String visible = new String(window, 0, windowLength, StandardCharsets.ISO_8859_1);
        String lower = visible.toLowerCase(Locale.ROOT);
        for (String marker : ANALYTICS_MARKERS) {
            int at = lower.indexOf(marker);
            if (at >= 0 && at < end) {
                throw new ReportException("The generated report " + indexHtml + " contains analytics code ('"
                        + excerpt(visible, at) + "'); it must not be handed out");
            }
        }
        Matcher external = EXTERNAL_REFERENCE.matcher(visible);
        if (external.find() && external.start() < end) {
            throw new ReportException("The generated report " + indexHtml + " loads content from another host ('"
                    + utf8(external.group()) + "'); it must work offline");
        }
    }

    private static String excerpt(String text, int at) {
        int start = Math.max(0, at - 40);
        int end = Math.min(text.length(), at + 60);
        return utf8(text.substring(start, end)).replaceAll("\\s+", " ").trim();
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
