package org.rootposture;

import org.opentest4j.TestAbortedException;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.report.AllureReport;

/**
 * How a verdict ends a posture test: PASS returns; FAIL is an {@link AssertionError}; NOT_APPLICABLE and a waived FAIL
 * abort the test; UNABLE_TO_ASSESS is an {@link UnableToAssessException}. Each message starts as
 * {@link ReportVerdict#messagePrefix()} says, its first line is the finding and the account's own facts follow; none
 * carries a Java stack trace, which would only say where the framework decided. The verdict is also written into the
 * running Allure result as its {@code verdict} label.
 */
final class JUnitOutcome {

    private JUnitOutcome() {
    }

    static ReportVerdict of(Verdict verdict) {
        return verdict.isWaived() ? ReportVerdict.WAIVED : ReportVerdict.valueOf(verdict.outcome().name());
    }

    /** Labels the running result with the verdict and ends the test with it. */
    static void conclude(Verdict verdict) {
        ReportVerdict reported = of(verdict);
        AllureReport.verdict(reported);
        switch (reported) {
            case PASS -> { }
            case FAIL -> throw new NonCompliant(verdict.reason());
            case WAIVED -> throw new Aborted(verdict.waiver().orElseThrow() + "\nFinding: " + oneParagraph(verdict));
            case NOT_APPLICABLE -> throw new Aborted(reported.messagePrefix() + verdict.reason());
            case UNABLE_TO_ASSESS -> throw new UnableToAssessException(reported.messagePrefix() + verdict.reason());
        }
    }

    private static String oneParagraph(Verdict verdict) {
        return verdict.detail().isEmpty() ? verdict.finding() : verdict.finding() + " " + verdict.detail();
    }

    /** A FAIL. */
    static final class NonCompliant extends AssertionError {

        NonCompliant(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A NOT_APPLICABLE or waived verdict. */
    static final class Aborted extends TestAbortedException {

        Aborted(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
