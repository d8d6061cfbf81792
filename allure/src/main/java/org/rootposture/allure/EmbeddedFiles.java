package org.rootposture.allure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes out the files a single-file Allure report embeds under one folder, reading the page byte by byte through
 * bounded buffers. Allure 2 embeds each file of the report as {@code d('history/history.json','<base64>')}; the
 * files whose name starts with the prefix are decoded into the target folder, under the rest of their name.
 *
 * <pre>
 * EmbeddedFiles history = new EmbeddedFiles("history/", Path.of("target/allure-history"));
 * page.forEach(history::accept); history.end();   // target/allure-history/history.json, history-trend.json, ...
 * </pre>
 */
final class EmbeddedFiles {

    private static final byte[] START = "d('".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BETWEEN = "','".getBytes(StandardCharsets.US_ASCII);
    private static final int LONGEST_NAME = 1024;
    private static final int CHUNK = 1 << 16;

    private enum State { SEEK, NAME, BETWEEN, VALUE }

    private final String prefix;
    private final Path dir;
    private State state = State.SEEK;
    private int matched;
    private final byte[] name = new byte[LONGEST_NAME];
    private int nameLength;
    private final byte[] encoded = new byte[CHUNK];
    private int encodedLength;
    private OutputStream file;
    private int written;

    /**
     * @param prefix the start of the names to write out, such as {@code history/}
     * @param dir    the folder they go to, created when the first one is found
     */
    EmbeddedFiles(String prefix, Path dir) {
        this.prefix = prefix;
        this.dir = dir;
    }

    /** How many files were written. */
    int written() {
        return written;
    }

    void accept(byte b) throws IOException {
        switch (state) {
            case SEEK -> {
                matched = b == START[matched] ? matched + 1 : b == START[0] ? 1 : 0;
                if (matched == START.length) {
                    state = State.NAME;
                    nameLength = 0;
                    matched = 0;
                }
            }
            case NAME -> {
                if (b == '\'') {
                    state = State.BETWEEN;
                    matched = 1;
                } else if (nameLength == name.length) {
                    state = State.SEEK;
                } else {
                    name[nameLength++] = b;
                }
            }
            case BETWEEN -> {
                if (b != BETWEEN[matched]) {
                    state = State.SEEK;
                    matched = 0;
                } else if (++matched == BETWEEN.length) {
                    state = State.VALUE;
                    matched = 0;
                    open(new String(name, 0, nameLength, StandardCharsets.UTF_8));
                }
            }
            case VALUE -> {
                if (b == '\'') {
                    close();
                    state = State.SEEK;
                } else if (file != null) {
                    encoded[encodedLength++] = b;
                    if (encodedLength == encoded.length) {
                        decode();
                    }
                }
            }
        }
    }

    /** Closes a file left open by a page cut short. */
    void end() throws IOException {
        close();
    }

    private void open(String entry) throws IOException {
        String relative = entry.startsWith(prefix) ? entry.substring(prefix.length()) : "";
        if (relative.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            Files.createDirectories(dir);
            file = Files.newOutputStream(dir.resolve(relative));
            encodedLength = 0;
        }
    }

    private void decode() throws IOException {
        try {
            file.write(Base64.getDecoder().decode(Arrays.copyOf(encoded, encodedLength)));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("The report embeds a history file that is not base64: " + e.getMessage()));
        }
        encodedLength = 0;
    }

    private void close() throws IOException {
        if (file != null) {
            decode();
            file.close();
            file = null;
            written++;
        }
    }
}
