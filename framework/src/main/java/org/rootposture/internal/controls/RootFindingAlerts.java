package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.GuardDutyAdministrator;
import org.rootposture.evidence.GuardDutyDetectors;
import org.rootposture.evidence.RootFindingRules;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The decision of {@code guardduty.root-findings.alerted} in one region: GuardDuty's detector is enabled, and a rule
 * on the default event bus that EventBridge itself matched with a root credential usage finding (Low severity) is
 * enabled and has a target, in the account or in the GuardDuty administrator account that receives its findings. The
 * verdict names the rule and says whose it is; otherwise it names what is missing, furthest along first.
 */
final class RootFindingAlerts {

    /** What a bus lacks, in order: each one further along than the one before. */
    enum Gap {
        NO_RULE("No EventBridge rule matches GuardDuty's root credential usage finding."),
        DISABLED("The EventBridge rule that matches GuardDuty's root credential usage finding is disabled."),
        NO_TARGET("The EventBridge rule that matches GuardDuty's root credential usage finding has no target.");

        private final String finding;

        Gap(String finding) {
            this.finding = finding;
        }
    }

    static final String ALERTED = "GuardDuty's root credential usage finding reaches an EventBridge rule with a target.";
    static final String ADMINISTRATOR_UNREADABLE = "The EventBridge rules of the GuardDuty administrator account cannot be read.";
    private static final String SAMPLE = "the sample Policy:IAMUser/RootCredentialUsage finding (severity 2, Low)";
    private static final String LOW = "GuardDuty rates root credential usage Low (severity 2), so a rule that keeps only findings of severity 4 "
            + "or more misses it.";
    private static final int PATTERN_SHOWN = 160;

    private record Missing(Gap gap, String sentence) { }

    private final AccountEvidence account;
    private final String region;
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Missing> missing = new ArrayList<>();

    private RootFindingAlerts(AccountEvidence account, String region) {
        this.account = account;
        this.region = region;
    }

    static Verdict decide(AccountEvidence account, EvaluationContext context) {
        return new RootFindingAlerts(account, context.requiredRegion()).decide();
    }

    private Verdict decide() {
        GuardDutyDetectors detectors = account.monitoring().guardDutyDetectors(region);
        evidence.add(detectors);
        if (detectors.detectors().isEmpty()) {
            return Verdict.fail(Reason.of("GuardDuty is not enabled in the region.", "guardduty:ListDetectors lists no detector in " + region
                    + ": nothing in this region would find that root was used."), evidence());
        }
        Optional<GuardDutyDetectors.Detector> enabled = detectors.enabled();
        if (enabled.isEmpty()) {
            return Verdict.fail(Reason.of("GuardDuty is suspended in the region.", "In " + region + ", detector "
                    + detectors.detectors().stream().map(detector -> detector.id() + " has status " + detector.status()).collect(Collectors.joining(", "))
                    + ": it produces no findings."), evidence());
        }
        String detector = "In " + region + ", GuardDuty detector " + enabled.get().id() + " is enabled";
        EvidenceUnavailableException ownUnreadable = null;
        try {
            Optional<String> alerting = alerting(read(() -> account.monitoring().rootFindingRules(region)), "this account");
            if (alerting.isPresent()) {
                return Verdict.pass(Reason.of(ALERTED, detector + "; " + alerting.get() + "."), evidence());
            }
        } catch (EvidenceUnavailableException e) {
            ownUnreadable = e;
        }
        String own = ownUnreadable == null ? "" : " The account's own rules could not be read: " + ownUnreadable.getMessage() + ".";
        GuardDutyAdministrator administrator;
        try {
            administrator = read(() -> account.monitoring().guardDutyAdministrator(region, enabled.get().id()));
        } catch (EvidenceUnavailableException e) {
            return Verdict.unableToAssess(Reason.of(Reason.failed(ownUnreadable != null ? ownUnreadable : e), detector + "." + gapsSentence() + own
                    + " Whether a GuardDuty administrator account receives its findings is unknown: " + e.getMessage() + "."), evidence());
        }
        String receiver;
        if (administrator.receivesFindings()) {
            String adminId = administrator.accountId();
            String whose = "the GuardDuty administrator account " + adminId;
            String goTo = "go to " + whose + " (guardduty:GetAdministratorAccount: relationship " + administrator.relationshipStatus() + ")";
            receiver = " Its findings also " + goTo + ".";
            try {
                Optional<String> alerting = alerting(read(() -> account.monitoringOf(adminId).rootFindingRules(region)), whose);
                if (alerting.isPresent()) {
                    return Verdict.pass(Reason.of(ALERTED, detector + ", and its findings " + goTo + "; " + alerting.get() + "." + own), evidence());
                }
            } catch (EvidenceUnavailableException e) {
                return Verdict.unableToAssess(Reason.of(ADMINISTRATOR_UNREADABLE, detector + "." + gapsSentence() + own + receiver + " Its EventBridge "
                        + "rules can only be read in account " + adminId + ", and reading them failed: " + e.getMessage() + "; add account " + adminId
                        + " to the run's targets, or let the run's audit role (rootposture.role) be assumed in it."), evidence());
            }
        } else {
            receiver = administrator.accountId() == null
                    ? " No GuardDuty administrator account receives its findings (guardduty:GetAdministratorAccount names none)."
                    : " Its GuardDuty administrator account " + administrator.accountId() + " does not receive its findings: the relationship is "
                    + administrator.relationshipStatus() + ".";
        }
        if (ownUnreadable != null) {
            return Verdict.unableToAssess(Reason.of(Reason.failed(ownUnreadable), detector + "." + gapsSentence() + own + receiver), evidence());
        }
        Gap furthest = missing.stream().map(Missing::gap).max(Comparator.naturalOrder()).orElseThrow();
        return Verdict.fail(Reason.of(furthest.finding, detector + ", but " + gaps() + "." + receiver + (furthest == Gap.NO_RULE ? " " + LOW : "")),
                evidence());
    }

    /** The sentence of the first rule on the bus that matches, is enabled and has a target; otherwise what the bus lacks is noted. */
    private Optional<String> alerting(RootFindingRules rules, String whose) {
        String bus = "the default event bus of " + whose;
        List<RootFindingRules.Rule> matching = rules.matching();
        Optional<RootFindingRules.Rule> alerting = matching.stream().filter(rule -> rule.enabled() && !rule.targets().isEmpty()).findFirst();
        if (alerting.isPresent()) {
            RootFindingRules.Rule rule = alerting.get();
            return Optional.of("rule " + rule.name() + " on " + bus + " matches " + SAMPLE + " and sends it to " + String.join(", ", rule.targets()));
        }
        if (matching.isEmpty()) {
            List<RootFindingRules.Rule> tested = rules.rules().stream().filter(rule -> rule.matches() != null).toList();
            missing.add(new Missing(Gap.NO_RULE, tested.isEmpty() ? bus + " has no rule with an event pattern"
                    : "none of the " + tested.size() + " rule(s) with an event pattern on " + bus + " matches " + SAMPLE + ", tested: "
                    + tested.stream().map(rule -> rule.name() + (rule.enabled() ? " " : " [" + rule.state() + "] ") + shown(rule.eventPattern()))
                    .collect(Collectors.joining(", "))));
        } else if (matching.stream().noneMatch(RootFindingRules.Rule::enabled)) {
            missing.add(new Missing(Gap.DISABLED, "rule " + names(matching) + " on " + bus + " matches " + SAMPLE + " but is " + matching.get(0).state()));
        } else {
            missing.add(new Missing(Gap.NO_TARGET, "rule " + names(matching.stream().filter(RootFindingRules.Rule::enabled).toList()) + " on " + bus
                    + " matches " + SAMPLE + " but has no target"));
        }
        return Optional.empty();
    }

    private <T extends Evidence> T read(Supplier<T> reader) {
        try {
            T record = reader.get();
            evidence.add(record);
            return record;
        } catch (EvidenceUnavailableException e) {
            evidence.add(new Unreadable(e));
            throw e;
        }
    }

    private String gaps() {
        return missing.stream().map(Missing::sentence).collect(Collectors.joining("; "));
    }

    private String gapsSentence() {
        return missing.isEmpty() ? "" : " " + Character.toUpperCase(gaps().charAt(0)) + gaps().substring(1) + ".";
    }

    private static String names(List<RootFindingRules.Rule> rules) {
        return rules.stream().map(RootFindingRules.Rule::name).collect(Collectors.joining(", "));
    }

    private static String shown(String pattern) {
        String oneLine = pattern.replaceAll("\\s+", " ");
        return oneLine.length() <= PATTERN_SHOWN ? oneLine : oneLine.substring(0, PATTERN_SHOWN) + "…";
    }

    private Evidence[] evidence() {
        return evidence.toArray(Evidence[]::new);
    }
}
