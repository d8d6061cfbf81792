package org.rootposture.evidence;

import java.util.List;

/**
 * The AWS Config rules of one region ({@code config:DescribeConfigRules}, every page).
 *
 * @param region     the region
 * @param rules      the rules
 * @param provenance the calls that produced it
 */
public record ConfigRules(String region, List<Rule> rules, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, ConfigRules> RECORD = EvidenceRecord.of("monitoring.configRules", ConfigRules.class, "config:DescribeConfigRules");

    public ConfigRules {
        rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param name             rule name, chosen by whoever deployed it
     * @param owner            {@code AWS} for a managed rule, {@code CUSTOM_LAMBDA} or {@code CUSTOM_POLICY} otherwise
     * @param sourceIdentifier the managed rule, e.g. {@code ROOT_ACCOUNT_MFA_ENABLED}
     * @param state            {@code ACTIVE}, {@code EVALUATING}, {@code DELETING} or {@code DELETING_RESULTS}
     */
    public record Rule(String name, String owner, String sourceIdentifier, String state) {

        /** Whether the rule is deployed and not being deleted. */
        public boolean deployed() {
            return state == null || !state.startsWith("DELETING");
        }
    }

    /** The deployed AWS managed rules with this source identifier, whatever their names. */
    public List<Rule> managed(String sourceIdentifier) {
        return rules.stream()
                .filter(rule -> "AWS".equals(rule.owner()) && sourceIdentifier.equals(rule.sourceIdentifier()) && rule.deployed())
                .toList();
    }
}
