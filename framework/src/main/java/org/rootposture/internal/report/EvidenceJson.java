package org.rootposture.internal.report;

import org.rootposture.evidence.Evidence;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.rootposture.internal.redaction.Redactor;

/**
 * One evidence record as the report attaches it, redacted (see {@link Redactor}): its type, its own fields, and where it
 * came from (the AWS calls and when they answered). A record is attached once and referenced by every result that was
 * decided from it, so its JSON is the same whichever verdict used it.
 *
 * <pre>
 * {
 *   "type" : "AccountSummary", "accountMfaEnabled" : false, "accountAccessKeysPresent" : false, ...,
 *   "provenance" : { "calls" : [ "iam:GetAccountSummary" ], "readAt" : "2026-11-22T00:12:50.123Z" }
 * }
 * </pre>
 */
public final class EvidenceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceJson() {
    }

    /** The record, redacted, as JSON. */
    public static String of(Evidence record) {
        return write(tree(record));
    }

    /** The record, redacted, as a JSON tree: {@code type} first, then its fields. */
    static JsonNode tree(Evidence record) {
        try {
            return Redactor.redact(MAPPER.valueToTree(record));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("evidence cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
