package org.rootposture.lab;

import java.util.List;

/**
 * A field selector of an advanced CloudTrail event selector; it needs at least one condition.
 *
 * @param field         field such as {@code eventCategory}, {@code readOnly} or {@code eventSource}
 * @param equals        values the field equals
 * @param notEquals     values the field does not equal
 * @param startsWith    prefixes the field starts with
 * @param notStartsWith prefixes the field does not start with
 * @param endsWith      suffixes the field ends with
 * @param notEndsWith   suffixes the field does not end with
 */
public record FieldSelectorFixture(
        String field,
        List<String> equals,
        List<String> notEquals,
        List<String> startsWith,
        List<String> notStartsWith,
        List<String> endsWith,
        List<String> notEndsWith) {

    public FieldSelectorFixture {
        equals = Copies.list(equals);
        notEquals = Copies.list(notEquals);
        startsWith = Copies.list(startsWith);
        notStartsWith = Copies.list(notStartsWith);
        endsWith = Copies.list(endsWith);
        notEndsWith = Copies.list(notEndsWith);
    }

    /** Whether the selector sets no condition at all. */
    boolean empty() {
        return equals.isEmpty() && notEquals.isEmpty() && startsWith.isEmpty() && notStartsWith.isEmpty() && endsWith.isEmpty()
                && notEndsWith.isEmpty();
    }
}
