package org.rootposture.internal.controls;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Evidence records held in memory for decision tests, by the name and key their {@link EvidenceRecord} describes; a
 * record that was not put is unreadable (AccessDenied on the operation its description names first). A record put
 * without a request answers every request of its kind.
 */
final class StubRecords {

    private final Map<String, Supplier<? extends Evidence>> records = new HashMap<>();

    <K, T extends Evidence> void put(EvidenceRecord<K, T> record, K request, Supplier<? extends T> value) {
        records.put(request == null ? record.name() : record.keyOf(request), value);
    }

    boolean has(EvidenceRecord<?, ?> record) {
        return records.keySet().stream().anyMatch(key -> key.equals(record.name()) || key.startsWith(record.name() + "["));
    }

    <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        Supplier<? extends Evidence> value = records.getOrDefault(record.keyOf(request), records.get(record.name()));
        if (value == null) {
            throw denied(record.operation());
        }
        return record.type().cast(value.get());
    }

    static EvidenceUnavailableException denied(String operation) {
        return new EvidenceUnavailableException(operation, "AccessDenied", "not authorized (HTTP 403)");
    }
}
