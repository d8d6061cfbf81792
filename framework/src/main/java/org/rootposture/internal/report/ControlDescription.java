package org.rootposture.internal.report;

import java.util.stream.Collectors;

import org.rootposture.contract.Html;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.redaction.Redactor;

/**
 * The HTML description of a control's result, what an auditor reads first on its page: control, benchmark and
 * section, CIS references, account, why it matters and the remediation. The finding is the result's message, its
 * severity and documentation links are Allure's own fields, each shown once on the page. Every text is redacted and escaped: account names come from AWS and may
 * hold anything.
 */
final class ControlDescription {

    private ControlDescription() {
    }

    static String of(ControlDefinition control, String accountDisplayName) {
        StringBuilder html = new StringBuilder("<div class=\"rootposture-control\">\n");
        paragraph(html, "Control", "<code>" + text(control.id()) + "</code> " + text(control.title()));
        paragraph(html, "Benchmark", text(control.benchmark()) + (control.section().isBlank() ? "" : " › " + text(control.section())));
        paragraph(html, "CIS references", control.cis().isEmpty() ? "none"
                : control.cis().stream().map(ControlDescription::cis).collect(Collectors.joining(" · ")));
        paragraph(html, "Account", text(accountDisplayName));
        if (!control.rationale().isBlank()) {
            paragraph(html, "Why it matters", code(text(control.rationale())));
        }
        if (!control.remediation().isBlank()) {
            paragraph(html, "Remediation", code(text(control.remediation())));
        }
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
        return Html.escape(Redactor.redact(value == null ? "" : value));
    }
}
