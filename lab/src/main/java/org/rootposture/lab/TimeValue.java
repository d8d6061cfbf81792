package org.rootposture.lab;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

final class TimeValue {

    static final String HINT = "use an ISO-8601 instant such as 2024-05-01T10:00:00Z or a duration before the lab's start such as -P7D";

    private TimeValue() {
    }

    static boolean isValid(String value) {
        try {
            resolve(value, Instant.EPOCH);
            return true;
        } catch (DateTimeParseException | ArithmeticException | NullPointerException e) {
            return false;
        }
    }

    static Instant resolve(String value, Instant start) {
        if (value.startsWith("-P")) {
            return beforeStart(value.substring(1), start);
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    private static Instant beforeStart(String duration, Instant start) {
        if (duration.contains("T")) {
            return start.minus(Duration.parse(duration));
        }
        return start.atZone(ZoneOffset.UTC).minus(Period.parse(duration)).toInstant();
    }
}
