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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.rootposture.contract.PostureLabels;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.evidence.Evidence;

import com.fasterxml.jackson.databind.JsonNode;

import io.qameta.allure.Allure;
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
 * 1,000 accounts holds each control's page once and each record once, however many controls read it. One per run:
 * each control's text is rendered once, and each record serialized and redacted once, on whichever thread
 * {@linkplain #prepare(Verdict) prepares} it first (the run's readers, ahead of the result).
 */
public final class AllureReport {

    /** How the files of attachments shared by several results start, in the results directory. */
    public static final String SHARED_PREFIX = "rootposture-";

    private static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    private static final Pattern ACCOUNT_ARGUMENT = Pattern.compile("arg\\d+");

    private final Map<ControlDefinition, ControlText> controls = new ConcurrentHashMap<>();
    private final Map<Identity, SharedFile> records = new ConcurrentHashMap<>();
    private final Map<String, byte[]> unwritten = new ConcurrentHashMap<>();

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
    public void start(Subject subject) {
        Optional<ControlText> control = subject.control().map(this::text);
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
            control.ifPresent(text -> {
                result.setName(text.title() + " · " + Redactor.redact(subject.displayName()));
                text.labels().forEach(label -> result.getLabels().add(new Label().setName(label.getName()).setValue(label.getValue())));
                result.setDescriptionHtml(text.description().forAccount(subject.displayName()));
            });
        });
        control.flatMap(ControlText::page).ifPresent(page -> attach(List.of(page)));
    }

    /**
     * Serializes, redacts and hashes the evidence records a verdict was decided from, each once per run, so that the
     * result that attaches them only writes and references them. Safe to call from any thread, ahead of the result.
     */
    public void prepare(Verdict verdict) {
        verdict.evidence().forEach(this::record);
    }

    /**
     * Attaches the redacted evidence records a verdict was decided from, one attachment per record, each named by its
     * type (and region): {@code Evidence · CredentialReport}, {@code Evidence · TrailStatus · eu-west-1}.
     */
    public void evidence(Verdict verdict) {
        attach(verdict.evidence().stream().map(this::record).toList());
    }

    /** Labels the result with its verdict, the one every reader of the results goes by. */
    public static void verdict(ReportVerdict verdict) {
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(label -> PostureLabels.VERDICT.equals(label.getName()));
            result.getLabels().add(new Label().setName(PostureLabels.VERDICT).setValue(verdict.name()));
        });
    }

    private ControlText text(ControlDefinition control) {
        return controls.computeIfAbsent(control, this::render);
    }

    private ControlText render(ControlDefinition control) {
        List<Label> labels = new ArrayList<>(List.of(
                ResultsUtils.createEpicLabel(control.benchmark()),
                ResultsUtils.createFeatureLabel(control.section()),
                ResultsUtils.createStoryLabel(control.title()),
                new Label().setName(PostureLabels.SEVERITY).setValue(control.severity().level().allureLevel()),
                ResultsUtils.createTagLabel(control.id()),
                new Label().setName(PostureLabels.CONTROL).setValue(control.id())));
        for (CisReference reference : control.cis()) {
            labels.add(new Label().setName(PostureLabels.CIS).setValue(reference.toString()));
        }
        ControlDescription description = ControlDescription.of(control);
        return new ControlText(Redactor.redact(control.title()), List.copyOf(labels), description,
                description.page().map(page -> shared(ControlDescription.PAGE_NAME, "text/html", ".html", page)));
    }

    private SharedFile record(Evidence record) {
        return records.computeIfAbsent(new Identity(record), key -> {
            JsonNode tree = EvidenceJson.tree(record);
            String region = tree.path("region").asText("");
            return shared("Evidence · " + tree.path("type").asText("record") + (region.isEmpty() ? "" : " · " + region),
                    "application/json", ".json", EvidenceJson.write(tree));
        });
    }

    /** A file that several results share, named after the hash of its content, which waits to be written until a result uses it. */
    private SharedFile shared(String name, String type, String extension, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        SharedFile file = new SharedFile(name, type, SHARED_PREFIX + sha256(bytes) + "-attachment" + extension);
        unwritten.putIfAbsent(file.source(), bytes);
        return file;
    }

    /** The posture method's {@code AwsAccount} argument, which the account and accountName parameters already say. */
    private static boolean isAccountArgument(Parameter parameter, Subject subject) {
        return parameter.getName() != null && ACCOUNT_ARGUMENT.matcher(parameter.getName()).matches() && parameter.getValue() != null
                && (parameter.getValue().equals(subject.accountId()) || parameter.getValue().startsWith(subject.accountId() + " · "));
    }

    /** Adds the attachments to the running result, each once, writing each file the first time the run uses it. */
    private void attach(List<SharedFile> files) {
        files.forEach(this::write);
        Allure.getLifecycle().updateTestCase(result -> files.forEach(file -> {
            if (result.getAttachments().stream().noneMatch(attached -> attached.getSource().equals(file.source()))) {
                result.getAttachments().add(new Attachment().setName(file.name()).setSource(file.source()).setType(file.type()));
            }
        }));
    }

    /**
     * Writes the file into the results the first time the run uses it; one that is there already (another run's, a
     * shard's) is left as it is, since its name is the hash of its content.
     */
    private void write(SharedFile file) {
        byte[] content = unwritten.remove(file.source());
        if (content == null) {
            return;
        }
        try {
            Allure.getLifecycle().writeAttachment(file.source(), new ByteArrayInputStream(content));
        } catch (AllureResultsWriteException e) {
            if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                throw e;
            }
        }
    }

    /** An attachment that several results share: its name on a result, its type and its file. */
    private record SharedFile(String name, String type, String source) {
    }

    /** A control as every result of it shows it: its title, labels, description and page, rendered once. */
    private record ControlText(String title, List<Label> labels, ControlDescription description, Optional<SharedFile> page) {
    }

    /** An object by identity: a record read once is one object, however many verdicts were decided from it. */
    private record Identity(Object of) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
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
