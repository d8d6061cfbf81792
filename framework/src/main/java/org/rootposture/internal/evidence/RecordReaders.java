package org.rootposture.internal.evidence;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.internal.session.Memo;

/**
 * How the records of an account are read, one reader per {@link EvidenceRecord}, each record read at most once per
 * key: ten tests on one account read the credential report once, and a failed read is remembered too, so every control
 * that needs it sees the same failure.
 */
final class RecordReaders {

    private final Map<EvidenceRecord<?, ?>, Function<Object, ? extends Evidence>> readers = new HashMap<>();
    private final Map<String, Memo<Evidence>> read = new ConcurrentHashMap<>();

    /** Reads {@code record} with {@code reader}. */
    @SuppressWarnings("unchecked")
    <K, T extends Evidence> RecordReaders with(EvidenceRecord<K, T> record, Function<K, T> reader) {
        readers.put(record, request -> reader.apply((K) request));
        return this;
    }

    boolean reads(EvidenceRecord<?, ?> record) {
        return readers.containsKey(record);
    }

    <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        Function<Object, ? extends Evidence> reader = readers.get(record);
        if (reader == null) {
            throw new IllegalArgumentException("no reader of the evidence record " + record.name());
        }
        return record.type().cast(read.computeIfAbsent(record.keyOf(request), key -> new Memo<>(() -> reader.apply(request))).get());
    }
}
