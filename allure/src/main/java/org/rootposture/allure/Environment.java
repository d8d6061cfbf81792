package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of the report's Environment widget, written as {@value #FILE_NAME} into the results directory. Holds
 * the key/values given on the command line plus {@value #REPORT_GENERATED} and {@value #JAVA_VERSION}.
 */
public final class Environment {

    /** Name Allure expects in the results directory. */
    public static final String FILE_NAME = "environment.properties";

    /** Key of the UTC time the report was generated. */
    public static final String REPORT_GENERATED = "Report generated";

    /** Key of the Java version that generated the report. */
    public static final String JAVA_VERSION = "Java version";

    private final Map<String, String> entries;

    private Environment(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The given entries followed by the generation time (from {@code clock}) and the running Java version. A given
     * entry with the same key as a default wins.
     */
    public static Environment of(Map<String, String> given, Clock clock) {
        return of(given, Instant.now(clock), System.getProperty("java.version"));
    }

    static Environment of(Map<String, String> given, Instant generated, String javaVersion) {
        Map<String, String> entries = new LinkedHashMap<>(given);
        entries.putIfAbsent(REPORT_GENERATED, generated.truncatedTo(ChronoUnit.SECONDS).toString());
        entries.putIfAbsent(JAVA_VERSION, javaVersion);
        return new Environment(entries);
    }

    /** The rows in the order they are written. */
    public Map<String, String> entries() {
        return entries;
    }

    /**
     * Writes {@value #FILE_NAME} into the results directory in {@link java.util.Properties} syntax.
     *
     * @return the written file
     */
    public Path writeTo(Path resultsDir) {
        StringBuilder text = new StringBuilder("# Written by Root Posture ReportGenerator\n");
        entries.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        Path target = resultsDir.resolve(FILE_NAME);
        try {
            Files.writeString(target, text, StandardCharsets.ISO_8859_1);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
