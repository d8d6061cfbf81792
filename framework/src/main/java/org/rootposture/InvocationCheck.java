package org.rootposture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.opentest4j.TestAbortedException;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.Check;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The body of one posture method for one account, run as one check: every assertion it makes is evaluated (none
 * stops the others) and its verdict is the worst of them, FAIL before UNABLE_TO_ASSESS before NOT_APPLICABLE before
 * PASS, with every finding in its message. What the body throws counts too: an {@link AssertionError} of the team's
 * own is a FAIL, an aborted assumption NOT_APPLICABLE, evidence that cannot be read UNABLE_TO_ASSESS; any other
 * exception is a defect of the test and ends it as it is.
 */
final class InvocationCheck implements Check {

    private record Judged(String control, Verdict verdict) {
    }

    private final VerdictRecorder recorder;
    private final List<Judged> judged = new ArrayList<>();

    InvocationCheck(VerdictRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public synchronized void judge(AwsAccount account, ControlDefinition control, Verdict verdict) {
        judged.add(new Judged(control.id(), recorder.judged(control, account.id(), verdict)));
    }

    /** Runs the body as this check and returns its verdict, whose evidence the assertions attached. */
    Verdict run(Invocation<Void> body) throws Throwable {
        try (Check.Scope ignored = Check.run(this)) {
            body.proceed();
        } catch (AssertionError failure) {
            add(Verdict.fail(message(failure, "The check failed.")));
        } catch (TestAbortedException aborted) {
            add(Verdict.notApplicable(message(aborted, "The check does not apply.")));
        } catch (EvidenceUnavailableException unreadable) {
            add(Verdict.unableToAssess(unreadable));
        }
        return verdict();
    }

    private synchronized void add(Verdict verdict) {
        judged.add(new Judged("", verdict));
    }

    private synchronized Verdict verdict() {
        List<Judged> findings = judged.stream().filter(j -> j.verdict().outcome() != Outcome.PASS)
                .sorted(Comparator.comparingInt((Judged j) -> ReportVerdict.valueOf(j.verdict().outcome().name()).weight()).reversed())
                .toList();
        if (findings.isEmpty()) {
            return Verdict.pass("Every assertion of the check held." + (judged.isEmpty() ? ""
                    : "\n" + judged.stream().map(Judged::control).distinct().collect(Collectors.joining(", ")) + "."));
        }
        Verdict worst = findings.get(0).verdict();
        if (findings.size() == 1) {
            return new Verdict(worst.outcome(), worst.reason(), List.of());
        }
        return new Verdict(worst.outcome(), worst.finding() + "\n" + findings.stream().map(InvocationCheck::sentence)
                .collect(Collectors.joining(" · ")), List.of());
    }

    private static String sentence(Judged finding) {
        Verdict verdict = finding.verdict();
        String word = ReportVerdict.valueOf(verdict.outcome().name()).label().toLowerCase(Locale.ROOT);
        String text = verdict.detail().isEmpty() ? verdict.finding() : verdict.finding() + " " + verdict.detail();
        return (finding.control().isEmpty() ? word : finding.control() + " " + word) + ": " + text;
    }

    /** The thrown message with its blank lines removed: its first line the finding, the rest one paragraph. */
    private static String message(Throwable thrown, String otherwise) {
        List<String> lines = String.valueOf(thrown.getMessage()).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (thrown.getMessage() == null || lines.isEmpty()) {
            return otherwise;
        }
        return lines.size() == 1 ? lines.get(0) : lines.get(0) + "\n" + String.join(" ", lines.subList(1, lines.size()));
    }
}
