package org.rootposture.allure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finishes an {@code index.html} written by the Allure commandline, in one pass through bounded buffers however large
 * the report: the inline analytics stub is dropped with its line, a block of HTML goes first into {@code <body>} and
 * another last, after Allure's own scripts, and the files Allure embedded are compressed, the trend history among them
 * written out for the next run (see {@link EmbeddedData}). With {@code ALLURE_NO_ANALYTICS=true} Allure 2 leaves out the Google Tag Manager script
 * but still writes an attribute-less inline {@code <script>} that defines {@code gtag} (it only fills
 * {@code window.dataLayer} and sends nothing); dropping it leaves the report's source without any tracking code.
 *
 * <pre>
 * IndexHtml.finish(report.resolve("index.html"), ReportPanel.first(...), ReportPanel.last(), historyDir);
 * </pre>
 */
final class IndexHtml {

    private static final int CHUNK = 1 << 16;
    private static final int LONGEST_HELD = 1 << 16;
    private static final byte[] SCRIPT_CLOSE = bytes("</script>");
    private static final byte[] GTAG = bytes("function gtag(");

    private enum State { LINE_START, TEXT, TAG, SCRIPT, AFTER_DROPPED }

    private final OutputStream out;
    private final byte[] firstInBody;
    private final byte[] lastInBody;
    private final EmbeddedData data;
    private final byte[] held = new byte[LONGEST_HELD];
    private int heldLength;
    private final byte[] pending = new byte[CHUNK];
    private int pendingLength;
    private State state = State.LINE_START;
    private boolean bodyFound;
    private boolean bodyClosed;

    private IndexHtml(OutputStream out, byte[] firstInBody, byte[] lastInBody, EmbeddedData data) {
        this.out = out;
        this.firstInBody = firstInBody;
        this.lastInBody = lastInBody;
        this.data = data;
    }

    /**
     * Rewrites {@code indexHtml} in place: without the analytics stub, with {@code firstInBody} right after its
     * {@code <body>} tag and {@code lastInBody} right before {@code </body>}, the files Allure embedded compressed, and
     * writes those under {@value History#DIRECTORY}/ into {@code historyDir}.
     *
     * @return the number of history files written
     * @throws ReportException when the page has no {@code <body>}
     */
    static int finish(Path indexHtml, String firstInBody, String lastInBody, Path historyDir) {
        Path rewritten = indexHtml.resolveSibling(indexHtml.getFileName() + ".rewriting");
        try {
            int historyFiles;
            try (EmbeddedData data = new EmbeddedData(historyDir); InputStream in = Files.newInputStream(indexHtml);
                 OutputStream out = Files.newOutputStream(rewritten)) {
                copy(in, out, firstInBody, lastInBody, data);
                historyFiles = data.historyFiles();
            }
            Files.move(rewritten, indexHtml, StandardCopyOption.REPLACE_EXISTING);
            return historyFiles;
        } catch (NoSuchFileException e) {
            throw new ReportException("The Allure commandline reported success but produced no " + indexHtml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite " + indexHtml, e);
        } finally {
            rewritten.toFile().delete();
        }
    }

    static void copy(InputStream in, OutputStream out, String firstInBody, String lastInBody, EmbeddedData data) throws IOException {
        IndexHtml html = new IndexHtml(out, ("\n" + EmbeddedData.LOADER + firstInBody).getBytes(StandardCharsets.UTF_8),
                lastInBody.getBytes(StandardCharsets.UTF_8), data);
        byte[] chunk = new byte[CHUNK];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            for (int i = 0; i < read; i++) {
                data.accept(chunk[i], html::accept);
            }
        }
        data.end(html::accept);
        html.end();
    }

    private void accept(byte b) throws IOException {
        switch (state) {
            case AFTER_DROPPED -> {
                if (b == '\r') {
                    return;
                }
                state = State.LINE_START;
                if (b != '\n') {
                    accept(b);
                }
            }
            case LINE_START -> {
                if (b == ' ' || b == '\t') {
                    hold(b);
                } else if (b == '<') {
                    state = State.TAG;
                    hold(b);
                } else {
                    release();
                    emit(b);
                    state = b == '\n' ? State.LINE_START : State.TEXT;
                }
            }
            case TEXT -> {
                if (b == '<') {
                    state = State.TAG;
                    hold(b);
                } else {
                    emit(b);
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                }
            }
            case TAG -> {
                if (b == '<') {
                    release();
                }
                hold(b);
                if (b == '>') {
                    tagEnded();
                }
            }
            case SCRIPT -> {
                hold(b);
                if (b == '>' && endsWith(SCRIPT_CLOSE)) {
                    if (contains(GTAG)) {
                        heldLength = 0;
                        state = State.AFTER_DROPPED;
                    } else {
                        release();
                        state = State.TEXT;
                    }
                }
            }
        }
        if (heldLength == held.length) {
            release();
            state = State.TEXT;
        }
    }

    private void tagEnded() throws IOException {
        String tag = tag();
        if (tag.equals("<script>")) {
            state = State.SCRIPT;
            return;
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        if (bodyFound && !bodyClosed && lower.equals("</body>")) {
            closeBody();
        }
        release();
        state = State.TEXT;
        if (!bodyFound && isBody(lower)) {
            bodyFound = true;
            emit(firstInBody, firstInBody.length);
        }
    }

    private static boolean isBody(String tag) {
        return tag.startsWith("<body") && (tag.length() == "<body>".length() || " \t\r\n/".indexOf(tag.charAt(5)) >= 0);
    }

    private String tag() {
        String held = new String(this.held, 0, heldLength, StandardCharsets.ISO_8859_1);
        return held.substring(held.indexOf('<'));
    }

    private boolean endsWith(byte[] suffix) {
        return heldLength >= suffix.length
                && Arrays.equals(held, heldLength - suffix.length, heldLength, suffix, 0, suffix.length);
    }

    private boolean contains(byte[] part) {
        for (int start = 0; start + part.length <= heldLength; start++) {
            if (Arrays.equals(held, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private void end() throws IOException {
        release();
        if (bodyFound && !bodyClosed) {
            closeBody();
        }
        flush();
        if (!bodyFound) {
            throw new ReportException("The generated report has no <body>; cannot add the compliance matrix");
        }
    }

    private void closeBody() throws IOException {
        bodyClosed = true;
        flush();
        data.writeScripts(out);
        emit(lastInBody, lastInBody.length);
    }

    private void hold(byte b) {
        held[heldLength++] = b;
    }

    private void release() throws IOException {
        emit(held, heldLength);
        heldLength = 0;
    }

    private void emit(byte b) throws IOException {
        if (pendingLength == pending.length) {
            flush();
        }
        pending[pendingLength++] = b;
    }

    private void emit(byte[] bytes, int length) throws IOException {
        for (int from = 0; from < length; ) {
            if (pendingLength == pending.length) {
                flush();
            }
            int count = Math.min(length - from, pending.length - pendingLength);
            System.arraycopy(bytes, from, pending, pendingLength, count);
            pendingLength += count;
            from += count;
        }
    }

    private void flush() throws IOException {
        out.write(pending, 0, pendingLength);
        pendingLength = 0;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
