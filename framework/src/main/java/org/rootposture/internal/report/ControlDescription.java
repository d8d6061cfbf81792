package org.rootposture.internal.report;

import java.util.Optional;
import java.util.stream.Collectors;

import org.rootposture.contract.Html;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.redaction.Redactor;

/**
 * The control's text in the report, in two parts so that the text every account shares is stored once. A result's own
 * description, what an auditor reads first on its page, names the control, its benchmark and section, its CIS
 * references and the account, and points to the control's page: why it matters, the remediation and the
 * documentation, one attachment referenced by every result of the control. The finding is the result's message and
 * the severity Allure's own field, each shown once. Every text is redacted and escaped: account names come from AWS
 * and may hold anything. Rendered once per control; only the account is added per result.
 */
final class ControlDescription {

    /** The name of the control page's attachment on every result of the control. */
    static final String PAGE_NAME = "About the control: why it matters, remediation, references";

    private final String beforeAccount;
    private final String afterAccount;
    private final Optional<String> page;

    private ControlDescription(String beforeAccount, String afterAccount, Optional<String> page) {
        this.beforeAccount = beforeAccount;
        this.afterAccount = afterAccount;
        this.page = page;
    }

    /** The control's text, rendered and redacted once. */
    static ControlDescription of(ControlDefinition control) {
        StringBuilder before = new StringBuilder("<div class=\"rootposture-control\">\n");
        paragraph(before, "Control", "<code>" + text(control.id()) + "</code> " + text(control.title()));
        paragraph(before, "Benchmark", benchmark(control));
        paragraph(before, "CIS references", cis(control));
        StringBuilder after = new StringBuilder();
        if (hasPage(control)) {
            paragraph(after, "Why it matters, remediation", "under Execution, in the attachment “" + PAGE_NAME + "”");
        }
        return new ControlDescription(before.toString(), after.append("</div>\n").toString(),
                hasPage(control) ? Optional.of(page(control)) : Optional.empty());
    }

    /** A result's description: the control and the account; why it matters and the remediation are on the control's page. */
    String forAccount(String accountDisplayName) {
        StringBuilder html = new StringBuilder(beforeAccount);
        paragraph(html, "Account", text(accountDisplayName));
        return html.append(afterAccount).toString();
    }

    /** The control's page, when it has something to tell beyond the description. */
    Optional<String> page() {
        return page;
    }

    /** Whether the control has a page: why it matters, a remediation or documentation to tell beyond the description. */
    private static boolean hasPage(ControlDefinition control) {
        return !control.rationale().isBlank() || !control.remediation().isBlank() || !control.links().isEmpty();
    }

    /**
     * The control's page, the same for every account: what it checks and its severity, why it matters, the remediation
     * and the documentation first (Allure shows an attachment in a frame of a few lines), then where it sits in its
     * benchmark.
     */
    private static String page(ControlDefinition control) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(text(control.id())).append("</title>\n<style>body{font:14px/1.5 -apple-system,\"Segoe UI\",Roboto,"
                        + "Helvetica,Arial,sans-serif;color:#222;margin:12px}code{background:#f3f3f3;padding:0 3px}</style>\n"
                        + "</head>\n<body>\n");
        paragraph(html, "Control", "<code>" + text(control.id()) + "</code> " + text(control.title()) + " · severity "
                + text(control.severity().level().word()));
        if (!control.rationale().isBlank()) {
            paragraph(html, "Why it matters", code(text(control.rationale())));
        }
        if (!control.remediation().isBlank()) {
            paragraph(html, "Remediation", code(text(control.remediation())));
        }
        String links = control.links().stream().filter(link -> link.matches("https?://\\S+"))
                .map(link -> "<a href=\"" + text(link) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + text(link) + "</a>")
                .collect(Collectors.joining("<br>\n"));
        if (!links.isEmpty()) {
            paragraph(html, "Documentation", "<br>\n" + links);
        }
        paragraph(html, "Benchmark", benchmark(control));
        paragraph(html, "CIS references", cis(control));
        return html.append("</body>\n</html>\n").toString();
    }

    private static String benchmark(ControlDefinition control) {
        return text(control.benchmark()) + (control.section().isBlank() ? "" : " › " + text(control.section()));
    }

    private static String cis(ControlDefinition control) {
        return control.cis().isEmpty() ? "none"
                : control.cis().stream().map(ControlDescription::cis).collect(Collectors.joining(" · "));
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

    private static String text(String value) {
        return Html.escape(Redactor.redact(value == null ? "" : value));
    }
}
