package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.rootposture.contract.ReportVerdict;
import org.rootposture.internal.controls.Verdict;

/** How each verdict ends a posture test: the JUnit outcome, the message's first words, and no stack trace. */
class JUnitOutcomeTest {

    @Test
    void passReturns() {
        assertThatCode(() -> JUnitOutcome.conclude(Verdict.pass("Fine."))).doesNotThrowAnyException();
    }

    @Test
    void failIsAnAssertionErrorWithTheFindingThenTheFactsAndNoStackTrace() {
        assertThatThrownBy(() -> JUnitOutcome.conclude(Verdict.fail("Root has an access key.\nKey AKIA…1234 is active.")))
                .isInstanceOf(AssertionError.class).hasMessage("Root has an access key.\nKey AKIA…1234 is active.")
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty())
                .satisfies(thrown -> assertThat(ReportVerdict.ofJUnit("FAILED", thrown)).isEqualTo(ReportVerdict.FAIL));
    }

    @Test
    void notApplicableAbortsWithItsPrefix() {
        assertThatThrownBy(() -> JUnitOutcome.conclude(Verdict.notApplicable("No root user.\nIn aws-cn.")))
                .isInstanceOf(TestAbortedException.class).hasMessage("Not applicable: No root user.\nIn aws-cn.")
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty())
                .satisfies(thrown -> assertThat(ReportVerdict.ofJUnit("ABORTED", thrown)).isEqualTo(ReportVerdict.NOT_APPLICABLE));
    }

    @Test
    void unableToAssessIsNeitherPassNorAssertionError() {
        assertThatThrownBy(() -> JUnitOutcome.conclude(Verdict.unableToAssess("iam:GetAccountSummary failed with AccessDenied.\nDenied.")))
                .isInstanceOf(UnableToAssessException.class).isNotInstanceOf(AssertionError.class)
                .hasMessage("Unable to assess: iam:GetAccountSummary failed with AccessDenied.\nDenied.")
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty())
                .satisfies(thrown -> assertThat(ReportVerdict.ofJUnit("FAILED", thrown)).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS));
    }

    @Test
    void aWaivedFailAbortsWithTheWaiverThenTheFindingInOneParagraph() {
        Verdict waived = Verdict.fail("The MFA is virtual.\nDevice root-account-mfa-device.").waived("Waived until 2099-12-31 by Jane Doe (CISO): ok.");

        assertThatThrownBy(() -> JUnitOutcome.conclude(waived)).isInstanceOf(TestAbortedException.class)
                .hasMessage("Waived until 2099-12-31 by Jane Doe (CISO): ok.\nFinding: The MFA is virtual. Device root-account-mfa-device.")
                .satisfies(thrown -> assertThat(ReportVerdict.ofJUnit("ABORTED", thrown)).isEqualTo(ReportVerdict.WAIVED));
    }
}
