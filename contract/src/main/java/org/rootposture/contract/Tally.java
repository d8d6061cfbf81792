package org.rootposture.contract;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How many results have each verdict, zeros included; what the runner's summary, the report generator, the progress
 * line, the benchmark and the report's Environment all print, in the same words.
 *
 * <pre>
 * Tally.of(results).toString();   // "185 results: 104 compliant, 28 non-compliant, 24 unable to assess, 29 not applicable, 0 waived"
 * </pre>
 */
public final class Tally {

    private final Map<ReportVerdict, Integer> counts = new EnumMap<>(ReportVerdict.class);

    public Tally() {
        for (ReportVerdict verdict : ReportVerdict.values()) {
            counts.put(verdict, 0);
        }
    }

    /** The tally of these results. */
    public static Tally of(Collection<PostureResult> results) {
        Tally tally = new Tally();
        results.forEach(result -> tally.add(result.verdict()));
        return tally;
    }

    /** Counts one more result with this verdict. */
    public synchronized Tally add(ReportVerdict verdict) {
        counts.merge(verdict, 1, Integer::sum);
        return this;
    }

    public synchronized int count(ReportVerdict verdict) {
        return counts.get(verdict);
    }

    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Count per verdict in {@link ReportVerdict} order. */
    public synchronized Map<ReportVerdict, Integer> counts() {
        return new EnumMap<>(counts);
    }

    /** {@code 104 compliant, 28 non-compliant, 24 unable to assess, 29 not applicable, 0 waived}. */
    public String verdicts() {
        StringJoiner text = new StringJoiner(", ");
        counts().forEach((verdict, count) -> text.add(count + " " + verdict.label().toLowerCase(Locale.ROOT)));
        return text.toString();
    }

    /** {@code 185 results: 104 compliant, 28 non-compliant, 24 unable to assess, 29 not applicable, 0 waived}. */
    @Override
    public String toString() {
        return total() + (total() == 1 ? " result: " : " results: ") + verdicts();
    }
}
