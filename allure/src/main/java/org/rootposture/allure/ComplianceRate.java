package org.rootposture.allure;

import java.util.Locale;

import org.rootposture.contract.ReportVerdict;
import org.rootposture.contract.Tally;

/**
 * How much of what applies is met: compliant and waived results ÷ the results that apply (every result but the not
 * applicable ones). A result unable to assess applies and is not met: evidence that could not be read never counts
 * as compliance. The matrix and the executive summary both show it, computed here from the same cells.
 *
 * <pre>
 * ComplianceRate.of(tally).text();   // "87.5%", or "n/a" when nothing applies
 * </pre>
 *
 * @param met     compliant and waived results
 * @param applies results that are not "not applicable"
 */
public record ComplianceRate(int met, int applies) implements Comparable<ComplianceRate> {

    /** What every page says the rate is. */
    public static final String DEFINITION = "compliance rate = (compliant + waived) ÷ results that apply (not applicable "
            + "left out; unable to assess counts against)";

    /** The rate of these counts. */
    public static ComplianceRate of(Tally tally) {
        return new ComplianceRate(tally.count(ReportVerdict.PASS) + tally.count(ReportVerdict.WAIVED),
                tally.total() - tally.count(ReportVerdict.NOT_APPLICABLE));
    }

    /** The rate as a fraction, 1 when nothing applies. */
    public double value() {
        return applies == 0 ? 1 : (double) met / applies;
    }

    /** {@code 87.5%}, rounded down to a tenth so that 99.96% never shows as 100%; {@code n/a} when nothing applies. */
    public String text() {
        if (applies == 0) {
            return "n/a";
        }
        long tenths = (long) Math.floor(1000.0 * met / applies);
        return String.format(Locale.ROOT, "%d.%d%%", tenths / 10, tenths % 10);
    }

    @Override
    public int compareTo(ComplianceRate other) {
        return Double.compare(value(), other.value());
    }

    @Override
    public String toString() {
        return text();
    }
}
