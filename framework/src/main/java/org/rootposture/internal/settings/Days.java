package org.rootposture.internal.settings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A day that has begun (in UTC), written ISO-8601: how the day someone's root access was revoked is given, in the
 * settings and on an annotation.
 *
 * <pre>
 * Days.begun("2026-10-01")   // Optional[2026-10-01]; empty for "2026-13-01", "yesterday" or a day still to come
 * </pre>
 */
public final class Days {

    /** What a value must be, for messages. */
    public static final String ALLOWED = "a day that has begun, written ISO-8601 such as 2026-10-01";

    private Days() {
    }

    public static Optional<LocalDate> begun(String text) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return day.isAfter(LocalDate.now(ZoneOffset.UTC)) ? Optional.empty() : Optional.of(day);
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }
}
