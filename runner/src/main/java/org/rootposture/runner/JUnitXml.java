package org.rootposture.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.rootposture.contract.ReportVerdict;

/**
 * The run as JUnit XML, as GitHub's and GitLab's test views read it: one {@code TEST-<class>.xml} per posture class,
 * each test case named as JUnit shows the invocation ({@code root.mfa.hardware · 222222222222 · prod-payments ·
 * eu-west-1}), a FAIL as a {@code <failure>}, UNABLE_TO_ASSESS as an {@code <error>}, NOT_APPLICABLE and WAIVED as
 * {@code <skipped>}, each with the finding in one paragraph as its message and no Java stack trace; only a test that
 * crashed (a defect of the test, not a verdict) keeps its stack trace. No system property is written, so no
 * credential can leak through it.
 *
 * <pre>
 * &lt;testcase name="root.mfa.hardware · 222222222222 · prod-payments" classname="…BuiltInCatalogue" time="0.004"&gt;
 *   &lt;failure type="FAIL" message="The root user's MFA is a virtual device. …"&gt;The root user's MFA is a virtual device. …&lt;/failure&gt;
 * &lt;/testcase&gt;
 * </pre>
 */
final class JUnitXml implements TestExecutionListener {

    private record TestCase(String name, long nanos, TestExecutionResult.Status status, Throwable thrown) {
    }

    private final Path directory;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, List<TestCase>> byClass = new ConcurrentHashMap<>();
    private volatile TestPlan plan;

    JUnitXml(Path directory) {
        this.directory = directory;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        started.put(identifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            add(identifier, new TestCase(identifier.getDisplayName(), 0, TestExecutionResult.Status.ABORTED, new Skipped(reason)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Long start = started.remove(identifier.getUniqueId());
        long nanos = start == null ? 0 : System.nanoTime() - start;
        if (identifier.isTest()) {
            add(identifier, new TestCase(identifier.getDisplayName(), nanos, result.getStatus(), result.getThrowable().orElse(null)));
        } else if (isClass(identifier)) {
            write(className(identifier), byClass.getOrDefault(className(identifier), List.of()), nanos);
        }
    }

    private void add(TestIdentifier identifier, TestCase testCase) {
        String className = classOf(identifier).orElse("posture");
        byClass.computeIfAbsent(className, name -> new ArrayList<>());
        List<TestCase> cases = byClass.get(className);
        synchronized (cases) {
            cases.add(testCase);
        }
    }

    private Optional<String> classOf(TestIdentifier identifier) {
        for (Optional<TestIdentifier> current = Optional.of(identifier); current.isPresent(); current = plan.getParent(current.get())) {
            if (isClass(current.get())) {
                return Optional.of(className(current.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isClass(TestIdentifier identifier) {
        return identifier.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    private static String className(TestIdentifier identifier) {
        return ((ClassSource) identifier.getSource().orElseThrow()).getClassName();
    }

    private void write(String className, List<TestCase> cases, long nanos) {
        List<TestCase> snapshot;
        synchronized (cases) {
            snapshot = List.copyOf(cases);
        }
        if (snapshot.isEmpty()) {
            return;
        }
        Path file = directory.resolve("TEST-" + className + ".xml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", className);
            xml.writeAttribute("tests", String.valueOf(snapshot.size()));
            xml.writeAttribute("failures", String.valueOf(count(snapshot, ReportVerdict.FAIL)));
            xml.writeAttribute("errors", String.valueOf(count(snapshot, ReportVerdict.UNABLE_TO_ASSESS)));
            xml.writeAttribute("skipped", String.valueOf(count(snapshot, ReportVerdict.NOT_APPLICABLE) + count(snapshot, ReportVerdict.WAIVED)));
            xml.writeAttribute("time", seconds(nanos));
            for (TestCase testCase : snapshot) {
                testCase(xml, className, testCase);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JUnit XML " + file + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit XML " + file + ": " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, String className, TestCase testCase) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", testCase.name());
        xml.writeAttribute("classname", className);
        xml.writeAttribute("time", seconds(testCase.nanos()));
        ReportVerdict verdict = verdict(testCase);
        if (verdict != ReportVerdict.PASS) {
            String message = paragraph(testCase.thrown());
            xml.writeCharacters("\n    ");
            xml.writeStartElement(switch (verdict) {
                case FAIL -> "failure";
                case UNABLE_TO_ASSESS -> "error";
                default -> "skipped";
            });
            xml.writeAttribute("message", message);
            if (verdict == ReportVerdict.FAIL || verdict == ReportVerdict.UNABLE_TO_ASSESS) {
                xml.writeAttribute("type", verdict.name());
                xml.writeCharacters(isVerdict(testCase.thrown()) ? message : stackTrace(testCase.thrown()));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    private static ReportVerdict verdict(TestCase testCase) {
        return ReportVerdict.ofJUnit(testCase.status().name(), testCase.thrown());
    }

    private static long count(List<TestCase> cases, ReportVerdict verdict) {
        return cases.stream().filter(testCase -> verdict(testCase) == verdict).count();
    }

    /** A verdict carries no stack trace: its message says everything; anything else is a crash of the test. */
    private static boolean isVerdict(Throwable thrown) {
        return thrown != null && thrown.getStackTrace().length == 0;
    }

    private static String paragraph(Throwable thrown) {
        if (thrown == null || thrown.getMessage() == null) {
            return thrown == null ? "" : thrown.getClass().getName();
        }
        return String.join(" ", thrown.getMessage().strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** A test JUnit skipped before running it (a disabled test), with JUnit's reason. */
    private static final class Skipped extends RuntimeException {

        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }
}
