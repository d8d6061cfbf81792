package org.rootposture.internal.waivers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.rootposture.contract.RunRecord;
import org.rootposture.internal.controls.Catalogue;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;

/**
 * The accepted risks of a run, read from the file named by the setting {@code rootposture.waivers} (YAML, or JSON
 * when it ends in {@code .json}). A waived control still runs; when it FAILs for a waived account the verdict is
 * {@linkplain Verdict#waived(String) waived}: the test is reported as skipped with "Waived until 2099-12-31 by Jane
 * Doe (CISO): ...", in the report's "Waived" category. From the day after {@code expires} the FAIL is reported as
 * usual, with a note that the waiver expired.
 *
 * <pre>
 * waivers:
 *   - control: root.mfa.hardware        # a built-in control id, or the id of a team's own &#64;Control
 *     account: "222222222222"           # or "*" for every account
 *     justification: Hardware keys are on order (CHG-4711).
 *     approver: Jane Doe (CISO)
 *     expires: 2099-12-31               # last day the waiver holds
 * </pre>
 *
 * A control id in a built-in namespace ({@code root.}, {@code org.}) must name a built-in control; any other id is
 * taken to name a team's own {@code @Control}, and a waiver that matched no failing result says so in the report.
 */
public final class Waivers {

    private final Optional<Path> file;
    private final List<Waiver> waivers;
    private final Clock clock;
    private final Map<Waiver, Integer> failures = new ConcurrentHashMap<>();

    private Waivers(Optional<Path> file, List<Waiver> waivers, Clock clock) {
        this.file = file;
        this.waivers = List.copyOf(waivers);
        this.clock = clock;
    }

    /** No accepted risks. */
    public static Waivers none() {
        return new Waivers(Optional.empty(), List.of(), Clock.systemUTC());
    }

    /**
     * Reads the accepted-risk file, when there is one.
     *
     * @param clock the run's clock: a waiver holds through its expiry date in UTC
     * @throws org.rootposture.settings.SettingsException naming the file and line of a malformed file, an unknown
     *                                                    built-in control, a bad account or date, or a missing field
     */
    public static Waivers load(Optional<Path> file, Clock clock) {
        if (file.isEmpty()) {
            return new Waivers(Optional.empty(), List.of(), clock);
        }
        Set<String> builtIns = Catalogue.all().stream().map(control -> control.definition().id()).collect(Collectors.toSet());
        return new Waivers(file, new WaiverFile(file.get(), builtIns).read(), clock);
    }

    /** The waivers, in file order. */
    public List<Waiver> all() {
        return waivers;
    }

    /**
     * The verdict as the report should show it: a FAIL covered by a waiver that holds today is waived; one covered
     * by an expired waiver keeps failing, with a note saying the waiver expired; every other verdict is unchanged.
     */
    public Verdict apply(String controlId, String accountId, Verdict verdict) {
        if (verdict.outcome() != Outcome.FAIL || verdict.isWaived()) {
            return verdict;
        }
        Optional<Waiver> waiver = waivers.stream().filter(w -> w.covers(controlId, accountId))
                .min(Comparator.comparing(w -> w.account().equals(Waiver.ANY_ACCOUNT)));
        if (waiver.isEmpty()) {
            return verdict;
        }
        failures.merge(waiver.get(), 1, Integer::sum);
        if (waiver.get().expiredOn(today())) {
            return verdict.withMoreDetail(waiver.get().expiredNote(fileName()));
        }
        return verdict.waived(waiver.get().sentence());
    }

    /** The accepted-risk file, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** Every waiver and what became of it so far in this run, for the report. */
    public List<RunRecord.WaiverRecord> records() {
        LocalDate today = today();
        return waivers.stream().map(w -> new RunRecord.WaiverRecord(w.control(), w.account(), w.approver(), w.justification(),
                w.expires().toString(), w.expiredOn(today), failures.getOrDefault(w, 0), w.line())).collect(Collectors.toList());
    }

    private String fileName() {
        return file.map(path -> path.getFileName().toString()).orElse("");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
