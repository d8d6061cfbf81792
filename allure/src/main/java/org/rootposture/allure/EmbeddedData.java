package org.rootposture.allure;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The files a single-file Allure 2 report embeds, compressed. Allure writes each file of the report (every result's
 * page, every attachment, the trees, the charts' data, the history) base64-encoded into the page as
 * {@code d('data/test-cases/1a2b.json','<base64>')}; at 1,000 accounts that is some 160 MB of JSON that compresses to
 * a tenth. Reading the page once through bounded buffers, this takes every such entry out of it, writes its bytes
 * into one gzip stream (a temporary file) and remembers where each file starts, and writes the files named
 * {@code history/*} into the history folder for the next run. At the end of the page it puts the gzip stream and its
 * index, base64-encoded, and a loader: a script, first in the page, that unpacks them in the browser
 * ({@code DecompressionStream}, in every browser since 2023) and hands Allure each file as it asks for it, in the form
 * it expects; Allure starts once they are unpacked. Nothing is loaded from anywhere.
 *
 * <pre>
 * try (EmbeddedData data = new EmbeddedData(historyDir)) {
 *     page.forEach(b -> data.accept(b, downstream));   // the page without its embedded files
 *     data.end(downstream);
 *     data.writeScripts(out);                          // the files, compressed, and the call that unpacks them
 * }
 * </pre>
 */
final class EmbeddedData implements AutoCloseable {

    /** The id of the script element holding the compressed files. */
    static final String DATA_ID = "rootposture-data";

    /** The id of the script element holding their index: name → [offset, length] in the uncompressed stream. */
    static final String INDEX_ID = "rootposture-data-index";

    /** Goes first into the page's body, before Allure's own scripts: stands in for Allure's embedded files. */
    static final String LOADER = """
            <script>
            (function () {
              var ready = false, files = null, index = {};
              Object.defineProperty(window, 'reportDataReady', {configurable: true,
                get: function () { return ready && files !== null; }, set: function (value) { ready = value; }});
              window.reportData = new Proxy({}, {get: function (target, name) {
                var at = files && index[name];
                if (!at) return undefined;
                var bytes = files.subarray(at[0], at[0] + at[1]), text = '';
                for (var i = 0; i < bytes.length; i += 32768) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
                return btoa(text);
              }});
              function gunzip(id) {
                var binary = atob(document.getElementById(id).textContent.trim()), bytes = new Uint8Array(binary.length);
                for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
                return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
              }
              window.rootpostureUnpack = function () {
                Promise.all([gunzip('%s'), gunzip('%s')]).then(function (parts) {
                  index = JSON.parse(new TextDecoder().decode(parts[0]));
                  files = new Uint8Array(parts[1]);
                }).catch(function (error) {
                  document.getElementById('content').textContent = 'This report could not be unpacked (' + error
                      + '). It needs a browser from 2023 or later: Chrome, Edge, Firefox or Safari.';
                });
              };
            })();
            </script>
            """.formatted(INDEX_ID, DATA_ID);

    private static final byte[] START = "d('".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BETWEEN = "','".getBytes(StandardCharsets.US_ASCII);
    private static final String HISTORY = History.DIRECTORY + "/";
    private static final Pattern HISTORY_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int LONGEST_NAME = 1024;
    private static final int CHUNK = 1 << 16;

    /** Where a byte that is not part of an embedded file goes. */
    interface Downstream {
        void accept(byte b) throws IOException;
    }

    private record Entry(String name, long offset, long length) {
    }

    private enum State { SEEK, NAME, BETWEEN, VALUE, CLOSE, SEPARATOR }

    private final Path historyDir;
    private final Path compressed;
    private final CountingOutputStream raw;
    private final List<Entry> entries = new ArrayList<>();
    private State state = State.SEEK;
    private final byte[] held = new byte[START.length + LONGEST_NAME + BETWEEN.length];
    private int heldLength;
    private int matched;
    private final byte[] encoded = new byte[CHUNK];
    private int encodedLength;
    private String name;
    private long offset;
    private OutputStream history;
    private int historyFiles;

    /** @param historyDir where the files named {@code history/*} are written */
    EmbeddedData(Path historyDir) throws IOException {
        this.historyDir = historyDir;
        this.compressed = Files.createTempFile("rootposture-report-data-", ".gz");
        this.raw = new CountingOutputStream(new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(compressed), CHUNK), CHUNK));
    }

    /** How many history files were written. */
    int historyFiles() {
        return historyFiles;
    }

    /** How many files the page embedded. */
    int files() {
        return entries.size();
    }

    /** Takes the next byte of the page: an embedded file's is kept, any other goes on to {@code downstream}. */
    void accept(byte b, Downstream downstream) throws IOException {
        switch (state) {
            case SEEK -> {
                if (b == START[matched]) {
                    held[heldLength++] = b;
                    if (++matched == START.length) {
                        state = State.NAME;
                        matched = 0;
                    }
                } else {
                    release(downstream);
                    if (b == START[0]) {
                        accept(b, downstream);
                    } else {
                        downstream.accept(b);
                    }
                }
            }
            case NAME -> {
                held[heldLength++] = b;
                if (b == '\'') {
                    state = State.BETWEEN;
                    matched = 1;
                } else if (heldLength == START.length + LONGEST_NAME) {
                    release(downstream);
                }
            }
            case BETWEEN -> {
                held[heldLength++] = b;
                if (b != BETWEEN[matched]) {
                    release(downstream);
                } else if (++matched == BETWEEN.length) {
                    open(new String(held, START.length, heldLength - START.length - BETWEEN.length, StandardCharsets.UTF_8));
                }
            }
            case VALUE -> {
                if (b == '\'') {
                    closeEntry();
                    state = State.CLOSE;
                } else {
                    encoded[encodedLength++] = b;
                    if (encodedLength == encoded.length) {
                        decode();
                    }
                }
            }
            case CLOSE -> {
                if (b != ')') {
                    throw new ReportException("The report Allure wrote embeds the file " + name + " in an unexpected form");
                }
                state = State.SEPARATOR;
            }
            case SEPARATOR -> {
                if (b != ',' && !Character.isWhitespace(b)) {
                    state = State.SEEK;
                    accept(b, downstream);
                }
            }
        }
    }

    /** Ends the page: what was held as the possible start of an embedded file goes on to {@code downstream}. */
    void end(Downstream downstream) throws IOException {
        if (state != State.VALUE && state != State.CLOSE) {
            release(downstream);
        }
    }

    /** Writes the compressed files and their index as two script elements, then the call that unpacks them. */
    void writeScripts(OutputStream out) throws IOException {
        raw.close();
        out.write(("\n<script type=\"application/gzip;base64\" id=\"" + DATA_ID + "\">").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(compressed); OutputStream base64 = Base64.getEncoder().wrap(nonClosing(out))) {
            in.transferTo(base64);
        }
        out.write(("</script>\n<script type=\"application/gzip;base64\" id=\"" + INDEX_ID + "\">").getBytes(StandardCharsets.US_ASCII));
        out.write(Base64.getEncoder().encode(index()));
        out.write("</script>\n<script>window.rootpostureUnpack();</script>\n".getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] index() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(new GZIPOutputStream(bytes))) {
            json.writeStartObject();
            for (Entry entry : entries) {
                json.writeArrayFieldStart(entry.name());
                json.writeNumber(entry.offset());
                json.writeNumber(entry.length());
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private void open(String entryName) throws IOException {
        name = entryName;
        offset = raw.count();
        encodedLength = 0;
        heldLength = 0;
        matched = 0;
        state = State.VALUE;
        String relative = name.startsWith(HISTORY) ? name.substring(HISTORY.length()) : "";
        if (HISTORY_FILE.matcher(relative).matches()) {
            Files.createDirectories(historyDir);
            history = Files.newOutputStream(historyDir.resolve(relative));
        }
    }

    private void decode() throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Arrays.copyOf(encoded, encodedLength));
        } catch (IllegalArgumentException e) {
            throw new ReportException("The report Allure wrote embeds the file " + name + " in an unexpected form: " + e.getMessage());
        }
        raw.write(bytes);
        if (history != null) {
            history.write(bytes);
        }
        encodedLength = 0;
    }

    private void closeEntry() throws IOException {
        decode();
        entries.add(new Entry(name, offset, raw.count() - offset));
        if (history != null) {
            history.close();
            history = null;
            historyFiles++;
        }
    }

    private void release(Downstream downstream) throws IOException {
        for (int i = 0; i < heldLength; i++) {
            downstream.accept(held[i]);
        }
        heldLength = 0;
        matched = 0;
        state = State.SEEK;
    }

    @Override
    public void close() throws IOException {
        try {
            raw.close();
            if (history != null) {
                history.close();
            }
        } finally {
            Files.deleteIfExists(compressed);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int from, int length) throws IOException {
                out.write(bytes, from, length);
            }
        };
    }

    /** Counts the bytes written through it: the offsets of the files in the uncompressed stream. */
    private static final class CountingOutputStream extends OutputStream {

        private final OutputStream out;
        private long count;
        private boolean closed;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int from, int length) throws IOException {
            out.write(bytes, from, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
