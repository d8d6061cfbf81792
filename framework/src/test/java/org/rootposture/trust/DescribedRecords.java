package org.rootposture.trust;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.platform.commons.support.ReflectionSupport;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;

/**
 * Every evidence record Root Posture reads, found from the descriptions its record types carry ({@code RECORD}), and
 * the calls a run makes besides reading records; so that the audit policy's coverage and the fault matrix follow the
 * descriptions, and a new record is covered without being listed here.
 */
final class DescribedRecords {

    /** What a run calls besides its evidence records: its identity, the accounts to check, their names and tags, and the roles it assumes. */
    static final Set<String> RUN_OPERATIONS = Set.of("sts:GetCallerIdentity", "organizations:ListAccounts", "organizations:ListTagsForResource",
            "iam:ListAccountAliases", "sts:AssumeRole");

    private DescribedRecords() {
    }

    static List<EvidenceRecord<?, ?>> all() {
        return ReflectionSupport.findAllClassesInPackage("org.rootposture.evidence", Evidence.class::isAssignableFrom, name -> true).stream()
                .flatMap(type -> Stream.of(type.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == EvidenceRecord.class)
                .<EvidenceRecord<?, ?>>map(DescribedRecords::value)
                .toList();
    }

    /** The operations of every record and of the run itself. */
    static Set<String> operations() {
        Set<String> operations = new TreeSet<>(RUN_OPERATIONS);
        all().forEach(record -> operations.addAll(record.operations()));
        return operations;
    }

    private static EvidenceRecord<?, ?> value(Field field) {
        try {
            return (EvidenceRecord<?, ?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
