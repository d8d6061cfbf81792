package org.rootposture.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.rootposture.controls.CisReference;
import org.rootposture.controls.ControlDefinition;
import org.rootposture.controls.Verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.util.ResultsUtils;

/**
 * Writes what a posture test is about into the running Allure test result: the account as parameters, the control
 * as labels (epic = benchmark, feature = section, story = title, severity, tag, {@code control}, one {@code cis} per
 * reference), links and an HTML description (see {@link ControlDescription}), and each verdict's redacted evidence
 * as a JSON attachment that opens with a one-line summary.
 */
public final class AllureReport {

    private AllureReport() {
    }

    public static void account(String accountId, String accountName, Optional<String> region) {
        Allure.parameter("account", accountId);
        Allure.parameter("accountName", Redactor.redact(accountName));
        region.ifPresent(r -> Allure.parameter("region", r));
    }

    public static void control(ControlDefinition control, String accountDisplayName) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.setName(Redactor.redact(control.title() + " · " + accountDisplayName));
            result.getLabels().add(ResultsUtils.createEpicLabel(control.benchmark()));
            result.getLabels().add(ResultsUtils.createFeatureLabel(control.section()));
            result.getLabels().add(ResultsUtils.createStoryLabel(control.title()));
            result.getLabels().add(ResultsUtils.createSeverityLabel(control.severity().allure()));
            result.getLabels().add(ResultsUtils.createTagLabel(control.id()));
            result.getLabels().add(new Label().setName("control").setValue(control.id()));
            for (CisReference reference : control.cis()) {
                result.getLabels().add(new Label().setName("cis").setValue(reference.toString()));
            }
            control.links().stream().filter(link -> link.matches("https?://\\S+"))
                    .forEach(link -> result.getLinks().add(new Link().setName(link).setUrl(link).setType("link")));
            result.setDescriptionHtml(ControlDescription.of(control, accountDisplayName));
        });
    }

    public static void verdict(ControlDefinition control, String accountId, Verdict verdict) {
        Allure.getLifecycle().updateTestCase(result -> result.setDescriptionHtml(
                (result.getDescriptionHtml() == null ? "" : result.getDescriptionHtml()) + ControlDescription.verdict(verdict)));
        Allure.addAttachment("Evidence · " + control.id() + " · " + verdict.outcome() + (verdict.isWaived() ? " (waived)" : ""),
                "application/json", new ByteArrayInputStream(EvidenceJson.of(control, accountId, verdict).getBytes(StandardCharsets.UTF_8)),
                ".json");
    }
}
