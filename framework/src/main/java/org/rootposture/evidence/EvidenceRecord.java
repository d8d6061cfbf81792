package org.rootposture.evidence;

import java.util.List;
import java.util.function.Function;

/**
 * What one kind of evidence record is, described once: its name in snapshots, its type, the AWS operations that read
 * it (the first is the one a failure names) and which part of a request tells one record of that kind from another
 * (a region, a trail, a log group). How it is read is its reader's business; every other part of Root Posture
 * (recording and replaying snapshots, test stubs, the audit policy's coverage) works from this description.
 *
 * <pre>
 * public static final EvidenceRecord&lt;String, RootActivity&gt; RECORD = EvidenceRecord.of("monitoring.rootActivity",
 *         RootActivity.class, List::of, "cloudtrail:LookupEvents");
 * </pre>
 *
 * @param name       its name in snapshots, such as {@code accountSummary} or {@code monitoring.rootActivity}
 * @param type       the record's type
 * @param key        which part of a request names one record: empty for a record an account has once
 * @param operations the AWS operations that read it, the one a failure names first
 * @param <K>        what a request for the record carries ({@link Void} for a record an account has once)
 * @param <T>        the record's type
 */
public record EvidenceRecord<K, T extends Evidence>(String name, Class<T> type, Function<K, List<String>> key, List<String> operations) {

    public EvidenceRecord {
        operations = List.copyOf(operations);
    }

    /** A record an account has once. */
    public static <T extends Evidence> EvidenceRecord<Void, T> of(String name, Class<T> type, String... operations) {
        return new EvidenceRecord<>(name, type, request -> List.of(), List.of(operations));
    }

    /** A record an account has once per key. */
    public static <K, T extends Evidence> EvidenceRecord<K, T> of(String name, Class<T> type, Function<K, List<String>> key,
                                                                   String... operations) {
        return new EvidenceRecord<>(name, type, key, List.of(operations));
    }

    /** The operation a failure to read it names. */
    public String operation() {
        return operations.get(0);
    }

    /** The record's name with its key: {@code accountSummary}, {@code monitoring.rootActivity[eu-west-1]}. */
    public String keyOf(K request) {
        List<String> parts = key.apply(request);
        return parts.isEmpty() ? name : name + parts;
    }
}
