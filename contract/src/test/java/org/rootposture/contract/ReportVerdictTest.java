package org.rootposture.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ReportVerdictTest {

    @Test
    void theLabelDecidesWhereTheFrameworkWroteOne() {
        assertThat(ReportVerdict.of("WAIVED", "skipped", "anything")).isEqualTo(ReportVerdict.WAIVED);
        assertThat(ReportVerdict.of("UNABLE_TO_ASSESS", "broken", "Unable to assess: x")).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
    }

    @Test
    void withoutALabelStatusAndMessageDecide() {
        assertThat(ReportVerdict.of(null, "passed", null)).isEqualTo(ReportVerdict.PASS);
        assertThat(ReportVerdict.of(null, "failed", "x")).isEqualTo(ReportVerdict.FAIL);
        assertThat(ReportVerdict.of(null, "skipped", "Waived until 2099-01-01 by J: y")).isEqualTo(ReportVerdict.WAIVED);
        assertThat(ReportVerdict.of(null, "skipped", "Not applicable: z")).isEqualTo(ReportVerdict.NOT_APPLICABLE);
        assertThat(ReportVerdict.of(null, "broken", "NullPointerException")).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
    }

    @Test
    void aJUnitOutcomeReadsTheSameWay() {
        assertThat(ReportVerdict.ofJUnit("SUCCESSFUL", null)).isEqualTo(ReportVerdict.PASS);
        assertThat(ReportVerdict.ofJUnit("FAILED", new AssertionError("x"))).isEqualTo(ReportVerdict.FAIL);
        assertThat(ReportVerdict.ofJUnit("FAILED", new IllegalStateException("x"))).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
        assertThat(ReportVerdict.ofJUnit("ABORTED", new TestAbortedException("Waived until 2099-01-01 by J: y"))).isEqualTo(ReportVerdict.WAIVED);
        assertThat(ReportVerdict.ofJUnit("ABORTED", new TestAbortedException("Not applicable: z"))).isEqualTo(ReportVerdict.NOT_APPLICABLE);
    }

    @Test
    void compliantMeansPassNotApplicableOrWaived() {
        assertThat(ReportVerdict.values()).filteredOn(ReportVerdict::compliant)
                .containsExactly(ReportVerdict.PASS, ReportVerdict.NOT_APPLICABLE, ReportVerdict.WAIVED);
    }
}
