package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportVerdictTest {

    @Test
    void statusAndMessageNameTheVerdict() {
        assertThat(ReportVerdict.of("passed", null)).isEqualTo(ReportVerdict.PASS);
        assertThat(ReportVerdict.of("failed", "Waived? no, failed")).isEqualTo(ReportVerdict.FAIL);
        assertThat(ReportVerdict.of("skipped", "Waived until 2099-12-31 by Jane Doe (CISO): x")).isEqualTo(ReportVerdict.WAIVED);
        assertThat(ReportVerdict.of("skipped", "Not applicable: no root user")).isEqualTo(ReportVerdict.NOT_APPLICABLE);
        assertThat(ReportVerdict.of("skipped", null)).isEqualTo(ReportVerdict.NOT_APPLICABLE);
        assertThat(ReportVerdict.of("broken", "Unable to assess root.mfa.hardware: throttled")).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
        assertThat(ReportVerdict.of("broken", "NullPointerException")).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
        assertThat(ReportVerdict.of("unknown", "")).isEqualTo(ReportVerdict.UNABLE_TO_ASSESS);
    }

    @Test
    void labelsAreTheCategoryNames() {
        assertThat(ReportVerdict.FAIL.label()).isEqualTo("Non-compliant");
        assertThat(ReportVerdict.WAIVED.allureStatus()).isEqualTo("skipped");
        assertThat(ReportVerdict.FAIL.weight()).isGreaterThan(ReportVerdict.UNABLE_TO_ASSESS.weight());
        assertThat(ReportVerdict.WAIVED.weight()).isGreaterThan(ReportVerdict.PASS.weight());
    }
}
