package org.rootposture.evidence;

import java.util.List;

/**
 * The EventBridge rules on one region's default event bus, each asked by EventBridge itself whether its pattern matches
 * a GuardDuty root credential usage finding: {@code events:ListRules}, {@code events:TestEventPattern} with the rule's
 * pattern and {@link #sampleFinding()} (a {@code Policy:IAMUser/RootCredentialUsage} finding of severity 2, Low, as
 * GuardDuty sends it), and {@code events:ListTargetsByRule} for each enabled rule that matches.
 *
 * @param region        the region
 * @param sampleFinding the event every pattern was tested with, as sent
 * @param rules         the rules, in the order listed
 * @param provenance    the calls that produced it
 */
public record RootFindingRules(String region, String sampleFinding, List<Rule> rules, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, RootFindingRules> RECORD = EvidenceRecord.of("monitoring.rootFindingRules", RootFindingRules.class,
            (String region) -> List.of(region), "events:ListRules", "events:TestEventPattern", "events:ListTargetsByRule");

    public RootFindingRules {
        rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param name         rule name
     * @param arn          rule ARN
     * @param state        {@code ENABLED}, {@code DISABLED} or {@code ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS}
     * @param eventPattern its event pattern, or {@code null} for a scheduled rule
     * @param matches      whether EventBridge matched the sample finding with it; {@code null} for a rule without a pattern
     * @param targets      ARNs of its targets, listed for the enabled rules that match (empty for the others)
     */
    public record Rule(String name, String arn, String state, String eventPattern, Boolean matches, List<String> targets) {

        public Rule {
            targets = List.copyOf(targets);
        }

        public boolean enabled() {
            return state != null && state.startsWith("ENABLED");
        }

        public boolean matchesRootFinding() {
            return Boolean.TRUE.equals(matches);
        }

        /** This rule with its targets listed. */
        public Rule withTargets(List<String> arns) {
            return new Rule(name, arn, state, eventPattern, matches, arns);
        }
    }

    /** The rules that match the sample finding. */
    public List<Rule> matching() {
        return rules.stream().filter(Rule::matchesRootFinding).toList();
    }
}
