package org.rootposture.report;

import java.util.List;

import org.rootposture.controls.ControlDefinition;
import org.rootposture.controls.Outcome;
import org.rootposture.controls.Verdict;
import org.rootposture.evidence.Evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The evidence attachment of a verdict: control, account, verdict, reason and the records it was decided from. */
public final class EvidenceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceJson() {
    }

    /** The attachment's shape: what was decided about which account, why, and from which records. */
    record Document(String control, String title, String account, Outcome verdict, String reason, List<Evidence> evidence) { }

    public static String of(ControlDefinition control, String accountId, Verdict verdict) {
        return write(new Document(control.id(), control.title(), accountId, verdict.outcome(), verdict.reason(), verdict.evidence()));
    }

    static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
