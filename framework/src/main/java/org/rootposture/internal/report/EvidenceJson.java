package org.rootposture.internal.report;

import java.util.List;

import org.rootposture.evidence.Evidence;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.rootposture.internal.redaction.Redactor;

/**
 * The evidence attachment of a verdict, redacted (see {@link Redactor}): a one-line summary first, then control,
 * account, verdict, the waiver that accepted it if any, the reason, and the records it was decided from.
 *
 * <pre>
 * {
 *   "summary" : "FAIL · root.mfa.hardware · 222222222222: The root user's MFA is a virtual device ...",
 *   "control" : "root.mfa.hardware", "title" : "Root user MFA is a hardware device", "account" : "222222222222",
 *   "verdict" : "FAIL", "waiver" : "Waived until 2099-12-31 by Jane Doe (CISO): ...",
 *   "reason" : "The root user's MFA is a virtual device ...", "evidence" : [ ... ]
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

    /** The attachment's shape. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"summary", "control", "title", "account", "verdict", "waiver", "reason", "evidence"})
    record Document(String summary, String control, String title, String account, Outcome verdict, String waiver,
                    String reason, List<Evidence> evidence) { }

    public static String of(ControlDefinition control, String accountId, Verdict verdict) {
        return write(new Document(summary(control, accountId, verdict), control.id(), control.title(), accountId,
                verdict.outcome(), verdict.waiver().orElse(null), verdict.reason(), verdict.evidence()));
    }

    /** {@code FAIL · root.mfa.hardware · 222222222222: reason}, or {@code WAIVED (FAIL accepted as a risk) · ...}. */
    static String summary(ControlDefinition control, String accountId, Verdict verdict) {
        return label(verdict) + " · " + control.id() + " · " + accountId + ": " + verdict.waiver().orElse(verdict.reason());
    }

    /** The verdict as the report names it: the outcome, or WAIVED for a waived FAIL. */
    static String label(Verdict verdict) {
        return verdict.isWaived() ? "WAIVED (FAIL accepted as a risk)" : verdict.outcome().name();
    }

    static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(Redactor.redact(MAPPER.valueToTree(document)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("evidence cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
