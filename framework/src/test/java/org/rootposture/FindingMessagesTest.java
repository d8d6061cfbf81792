package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rootposture.internal.controls.Catalogue;

/**
 * Every built-in control's reason, over the whole demo organization, starts with a finding that names no account,
 * resource, region, date or person: one finding across a thousand accounts is one group in the report. What is
 * particular to the account follows on one line after the first newline.
 */
class FindingMessagesTest {

    private static final Map<String, Pattern> PARTICULAR = Map.of(
            "an account id", Pattern.compile("(?<!\\d)\\d{12}(?!\\d)"),
            "an ARN", Pattern.compile("arn:"),
            "a region", Pattern.compile("\\b(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-[a-z]+-\\d\\b"),
            "a date", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
            "an e-mail address", Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+"));
    private static final int MOST_FINDINGS_PER_CONTROL = 6;

    @Test
    void everyFindingIsTheSameWordsForEveryAccountAndTheDetailIsOneLine() {
        List<RunVerdicts.Judged> verdicts;
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.root-sessions", "true",
                "rootposture.root-access-revoked-on", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString()))) {
            verdicts = RunVerdicts.of(lab, Clock.systemUTC());
        }
        Map<String, Set<String>> findings = new TreeMap<>();
        verdicts.forEach(judged -> findings.computeIfAbsent(judged.control(), id -> new TreeSet<>())
                .add(judged.verdict().outcome() + " " + judged.firstLine()));
        System.out.println("Distinct findings per control over the demo organization (" + verdicts.size() + " verdicts):\n"
                + findings.entrySet().stream().map(control -> control.getKey() + "\n" + control.getValue().stream().map(line -> "    " + line)
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n")));

        assertThat(findings.keySet()).containsExactlyInAnyOrderElementsOf(Catalogue.all().stream().map(control -> control.definition().id()).toList());
        assertThat(verdicts).allSatisfy(judged -> {
            String firstLine = judged.firstLine();
            PARTICULAR.forEach((what, pattern) -> assertThat(pattern.matcher(firstLine).find())
                    .as("%s of %s names %s in its finding: %s", judged.control(), judged.account(), what, firstLine).isFalse());
            assertThat(judged.verdict().reason().lines().count()).as("%s of %s: a finding and one line of detail", judged.control(), judged.account())
                    .isBetween(1L, 2L);
        });
        findings.forEach((control, lines) -> assertThat(lines).as("findings of %s", control).hasSizeLessThanOrEqualTo(MOST_FINDINGS_PER_CONTROL));
    }
}
