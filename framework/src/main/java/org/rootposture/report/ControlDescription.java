package org.rootposture.report;

import java.util.Locale;
import java.util.stream.Collectors;

import org.rootposture.controls.CisReference;
import org.rootposture.controls.ControlDefinition;

/**
 * The HTML description of a control's result, what an auditor reads first on its page: control, benchmark,
 * section, severity, CIS references, account, rationale, remediation, references and the verdict legend. The finding
 * itself is the result's message, shown once above it. Every text is redacted and escaped: account names come from AWS and may
 * hold anything.
 */
final class ControlDescription {

    static final String LEGEND = "PASS: compliant · FAIL: non-compliant · UNABLE TO ASSESS: evidence could not be read, never"
            + " compliant · NOT APPLICABLE: the requirement cannot apply here · WAIVED: non-compliant, risk accepted until the"
            + " waiver expires";

    private ControlDescription() {
    }

    static String of(ControlDefinition control, String accountDisplayName) {
        StringBuilder html = new StringBuilder("<div class=\"rootposture-control\">\n");
        paragraph(html, "Control", "<code>" + text(control.id()) + "</code> " + text(control.title()));
        paragraph(html, "Benchmark", text(control.benchmark()) + (control.section().isBlank() ? "" : " › " + text(control.section()))
                + " · severity " + control.severity().name().toLowerCase(Locale.ROOT));
        paragraph(html, "CIS references", control.cis().isEmpty() ? "none"
                : control.cis().stream().map(ControlDescription::cis).collect(Collectors.joining(" · ")));
        paragraph(html, "Account", text(accountDisplayName));
        if (!control.rationale().isBlank()) {
            paragraph(html, "Why it matters", code(text(control.rationale())));
        }
        if (!control.remediation().isBlank()) {
            paragraph(html, "Remediation", code(text(control.remediation())));
        }
        String links = control.links().stream().filter(link -> link.matches("https?://\\S+"))
                .map(link -> "<a href=\"" + text(link) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + text(link) + "</a>")
                .collect(Collectors.joining("<br>"));
        if (!links.isEmpty()) {
            paragraph(html, "References", links);
        }
        html.append("<p><small><b>Verdicts</b> ").append(text(LEGEND)).append("</small></p>\n");
        return html.append("</div>\n").toString();
    }

    private static void paragraph(StringBuilder html, String heading, String body) {
        html.append("<p><b>").append(heading).append("</b> ").append(body).append("</p>\n");
    }

    private static String cis(CisReference reference) {
        return "CIS " + text(reference.version()) + " " + text(reference.item());
    }

    private static String code(String escaped) {
        return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    static String text(String value) {
        String redacted = Redactor.redact(value == null ? "" : value);
        StringBuilder out = new StringBuilder(redacted.length() + 16);
        for (char c : redacted.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
