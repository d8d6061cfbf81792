package org.rootposture.internal.controls;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recommendation of the CIS AWS Foundations Benchmark, written {@code v3.0.0:1.6}.
 *
 * @param version benchmark version, e.g. {@code v3.0.0}
 * @param item    recommendation number, e.g. {@code 1.6}
 */
public record CisReference(String version, String item) {

    private static final Pattern FORM = Pattern.compile("(v\\d+\\.\\d+\\.\\d+):(\\d+(\\.\\d+)*)");

    /** Parses {@code v3.0.0:1.6}; anything else is an {@link IllegalArgumentException} that names the value. */
    public static CisReference parse(String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a CIS reference; write it like v3.0.0:1.6");
        }
        return new CisReference(matcher.group(1), matcher.group(2));
    }

    /** Parses each of {@code v3.0.0:1.6}, {@code v5.0.0:1.5}, …, in order. */
    public static List<CisReference> all(String... texts) {
        return Arrays.stream(texts).map(CisReference::parse).toList();
    }

    @Override
    public String toString() {
        return version + ":" + item;
    }
}
