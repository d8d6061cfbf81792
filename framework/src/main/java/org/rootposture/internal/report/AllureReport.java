package org.rootposture.internal.report;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.rootposture.contract.PostureLabels;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.util.ResultsUtils;
import org.rootposture.internal.redaction.Redactor;

/**
 * Writes what a posture result is about into the running Allure test result: the account as parameters, its identity
 * across runs (see {@link Subject#identity()}), the control as labels (epic = benchmark, feature = section, story =
 * title, severity, tag, {@code control}, one {@code cis} per reference), links and an HTML description (see
 * {@link ControlDescription}), each verdict's redacted evidence as a JSON attachment, and the verdict as a label.
 */
public final class AllureReport {

    private AllureReport() {
    }

    /**
     * What one posture result is about.
     *
     * @param control     the control it judges: built-in or a team's own; empty for a check without one
     * @param builtIn     whether the control is built in
     * @param testMethod  the posture method, {@code class#method}
     * @param accountId   the account
     * @param accountName the account's name, or its id
     * @param region      the region, for a per-region control
     */
    public record Subject(Optional<ControlDefinition> control, boolean builtIn, String testMethod, String accountId,
                          String accountName, Optional<String> region) {

        /** {@code 123456789012 · prod-payments · eu-west-1}. */
        public String displayName() {
            String account = accountName.equals(accountId) ? accountId : accountId + " · " + accountName;
            return region.map(r -> account + " · " + r).orElse(account);
        }

        /**
         * What the result is about, whatever else the run holds: the control, the account and the region, and for a
         * team's own control or a check without one, the posture method. Never the position of a JUnit invocation, so
         * an account keeps its own history when others are added or removed, and shards merge into one report.
         */
        public String identity() {
            return testCase() + "|" + accountId + "|" + region.orElse("");
        }

        /** What the result's test case is, across accounts: the built-in control, or the method (and its control). */
        public String testCase() {
            return builtIn ? control.orElseThrow().id() : testMethod + control.map(c -> "|" + c.id()).orElse("");
        }
    }

    /** Starts a posture result: parameters, identity, and the control's labels, links and description. */
    public static void start(Subject subject) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.setHistoryId(md5(subject.identity()));
            result.setTestCaseId(md5(subject.testCase()));
            result.getParameters().removeIf(parameter -> "UniqueId".equals(parameter.getName()));
            result.getParameters().add(new Parameter().setName(PostureLabels.ACCOUNT).setValue(subject.accountId()));
            result.getParameters().add(new Parameter().setName(PostureLabels.ACCOUNT_NAME).setValue(Redactor.redact(subject.accountName())));
            subject.region().ifPresent(region -> result.getParameters().add(new Parameter().setName(PostureLabels.REGION).setValue(region)));
            subject.control().ifPresent(control -> {
                result.setName(Redactor.redact(control.title() + " · " + subject.displayName()));
                result.getLabels().add(ResultsUtils.createEpicLabel(control.benchmark()));
                result.getLabels().add(ResultsUtils.createFeatureLabel(control.section()));
                result.getLabels().add(ResultsUtils.createStoryLabel(control.title()));
                result.getLabels().add(new Label().setName(PostureLabels.SEVERITY).setValue(control.severity().level().allureLevel()));
                result.getLabels().add(ResultsUtils.createTagLabel(control.id()));
                result.getLabels().add(new Label().setName(PostureLabels.CONTROL).setValue(control.id()));
                for (CisReference reference : control.cis()) {
                    result.getLabels().add(new Label().setName(PostureLabels.CIS).setValue(reference.toString()));
                }
                control.links().stream().filter(link -> link.matches("https?://\\S+"))
                        .forEach(link -> result.getLinks().add(new Link().setName(link).setUrl(link).setType("link")));
                result.setDescriptionHtml(ControlDescription.of(control, subject.displayName()));
            });
        });
    }

    /** Attaches a verdict's redacted evidence, opening with a one-line summary. */
    public static void evidence(ControlDefinition control, String accountId, Verdict verdict) {
        Allure.addAttachment("Evidence · " + control.id() + " · " + verdict.outcome() + (verdict.isWaived() ? " (waived)" : ""),
                "application/json", new ByteArrayInputStream(EvidenceJson.of(control, accountId, verdict).getBytes(StandardCharsets.UTF_8)),
                ".json");
    }

    /** Labels the result with its verdict, the one every reader of the results goes by. */
    public static void verdict(ReportVerdict verdict) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(label -> PostureLabels.VERDICT.equals(label.getName()));
            result.getLabels().add(new Label().setName(PostureLabels.VERDICT).setValue(verdict.name()));
        });
    }

    private static String md5(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))).toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
