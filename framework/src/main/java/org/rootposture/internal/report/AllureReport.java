package org.rootposture.internal.report;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rootposture.contract.PostureLabels;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.evidence.Evidence;

import com.fasterxml.jackson.databind.JsonNode;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.util.ResultsUtils;
import org.rootposture.internal.redaction.Redactor;

/**
 * Writes what a posture result is about into the running Allure test result: the account as parameters, its identity
 * across runs (see {@link Subject#identity()}), the control as labels (epic = benchmark, feature = section, story =
 * title, severity, tag, {@code control}, one {@code cis} per reference), an HTML description and the control's page
 * (see {@link ControlDescription}), each evidence record a verdict was decided from as a redacted JSON attachment, and
 * the verdict as a label. What many results share is written once: a record or a control page is a file named after
 * the hash of its content, written by the first result that uses it and referenced by every other, so a report of
 * 1,000 accounts holds each control's page once and each record once, however many controls read it.
 */
public final class AllureReport {

    /** How the files of attachments shared by several results start, in the results directory. */
    public static final String SHARED_PREFIX = "rootposture-";

    private static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";

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
     * @param place       the account's place in the organization ({@code Root › Production}), where known
     */
    public record Subject(Optional<ControlDefinition> control, boolean builtIn, String testMethod, String accountId,
                          String accountName, Optional<String> region, Optional<String> place) {

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

    /** Starts a posture result: parameters, identity, and the control's labels, description and page. */
    public static void start(Subject subject) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.setHistoryId(md5(subject.identity()));
            result.setTestCaseId(md5(subject.testCase()));
            result.getParameters().removeIf(parameter -> "UniqueId".equals(parameter.getName()));
            result.getParameters().removeIf(parameter -> isAccountArgument(parameter, subject));
            result.getLabels().removeIf(label -> UNIQUE_ID_LABEL.equals(label.getName()));
            result.getParameters().add(new Parameter().setName(PostureLabels.ACCOUNT).setValue(subject.accountId()));
            result.getParameters().add(new Parameter().setName(PostureLabels.ACCOUNT_NAME).setValue(Redactor.redact(subject.accountName())));
            subject.region().ifPresent(region -> result.getParameters().add(new Parameter().setName(PostureLabels.REGION).setValue(region)));
            subject.place().ifPresent(place -> result.getLabels().add(new Label().setName(PostureLabels.OU).setValue(Redactor.redact(place))));
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
                result.setDescriptionHtml(ControlDescription.of(control, subject.displayName()));
            });
        });
        subject.control().filter(ControlDescription::hasPage).ifPresent(control -> attach(List.of(shared(ControlDescription.PAGE_NAME,
                "text/html", ".html", ControlDescription.page(control)))));
    }

    /**
     * Attaches the redacted evidence records a verdict was decided from, one attachment per record, each named by its
     * type (and region): {@code Evidence · CredentialReport}, {@code Evidence · TrailStatus · eu-west-1}.
     */
    public static void evidence(Verdict verdict) {
        List<Attachment> records = new ArrayList<>();
        for (Evidence record : verdict.evidence()) {
            JsonNode tree = EvidenceJson.tree(record);
            String region = tree.path("region").asText("");
            records.add(shared("Evidence · " + tree.path("type").asText("record") + (region.isEmpty() ? "" : " · " + region),
                    "application/json", ".json", EvidenceJson.write(tree)));
        }
        attach(records);
    }

    /** Labels the result with its verdict, the one every reader of the results goes by. */
    public static void verdict(ReportVerdict verdict) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(label -> PostureLabels.VERDICT.equals(label.getName()));
            result.getLabels().add(new Label().setName(PostureLabels.VERDICT).setValue(verdict.name()));
        });
    }

    /** The posture method's {@code AwsAccount} argument, which the account and accountName parameters already say. */
    private static boolean isAccountArgument(Parameter parameter, Subject subject) {
        return parameter.getName() != null && parameter.getName().matches("arg\\d+") && parameter.getValue() != null
                && (parameter.getValue().equals(subject.accountId()) || parameter.getValue().startsWith(subject.accountId() + " · "));
    }

    /** Adds the attachments to the running result, each once. */
    private static void attach(List<Attachment> attachments) {
        Allure.getLifecycle().updateTestCase(result -> attachments.forEach(attachment -> {
            if (result.getAttachments().stream().noneMatch(attached -> attached.getSource().equals(attachment.getSource()))) {
                result.getAttachments().add(attachment);
            }
        }));
    }

    /**
     * An attachment whose file is named after the hash of its content: the first result that uses it writes it into the
     * results, every other finds it there and only references it.
     */
    static Attachment shared(String name, String type, String extension, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String source = SHARED_PREFIX + sha256(bytes) + "-attachment" + extension;
        AllureLifecycle lifecycle = Allure.getLifecycle();
        try {
            lifecycle.writeAttachment(source, new ByteArrayInputStream(bytes));
        } catch (AllureResultsWriteException e) {
            if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                throw e;
            }
        }
        return new Attachment().setName(name).setSource(source).setType(type);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String md5(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))).toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
