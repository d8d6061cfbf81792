package org.rootposture.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.Severity;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;

class ControlDescriptionTest {

    private static final ControlDefinition CONTROL = new ControlDefinition("acme.root.x", "Root <b>locked</b>", "ACME policy",
            "Root", List.of(CisReference.parse("v3.0.0:1.7"), CisReference.parse("v5.0.0:1.6")), Severity.HIGH,
            "Because.", "Run `aws iam delete-access-key` & retry.",
            List.of("https://docs.example.com/root?a=1&b=2", "javascript:alert(1)"));

    @Test
    void aResultsDescriptionIsEscapedAndLeavesTheSharedTextToTheControlsPage() {
        String html = ControlDescription.of(CONTROL).forAccount("123456789012 · <img src=https://outside.example/x.png onerror=alert(1)>");

        assertThat(html).contains("Root &lt;b&gt;locked&lt;/b&gt;", "CIS v3.0.0 1.7 · CIS v5.0.0 1.6",
                "123456789012 · &lt;img src=https://outside.example/x.png onerror=alert(1)&gt;", ControlDescription.PAGE_NAME)
                .doesNotContain("<img", "<b>locked", "Because.", "delete-access-key", "docs.example.com");
    }

    @Test
    void theControlsPageIsEscapedAndLinksOnlyToTheWeb() {
        String html = ControlDescription.of(CONTROL).page().orElseThrow();

        assertThat(html).contains("Root &lt;b&gt;locked&lt;/b&gt;", "· severity high</p>\n<p><b>Why it matters</b> Because.",
                "Run <code>aws iam delete-access-key</code> &amp; retry.",
                "<a href=\"https://docs.example.com/root?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">")
                .doesNotContain("<b>locked", "javascript:", "123456789012");
    }
}
