package org.rootposture.evidence;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The compliance of some AWS Config rules ({@code config:DescribeComplianceByConfigRule}), read once or, with
 * {@code rootposture.await}, until none is {@code INSUFFICIENT_DATA} or the wait ends. A rule Config answers nothing
 * for counts as {@code INSUFFICIENT_DATA}.
 *
 * @param region     the region
 * @param compliance rule name to {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code NOT_APPLICABLE} or {@code INSUFFICIENT_DATA}
 * @param reads      how many times compliance was read
 * @param awaited    how long the rules were waited for while some stayed INSUFFICIENT_DATA, or {@code null} when read once
 *                   or settled before the wait ended
 * @param provenance the calls that produced it
 */
public record ConfigRuleCompliance(String region, Map<String, String> compliance, int reads, Duration awaited, Provenance provenance)
        implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<ConfigRuleCompliance.Request, ConfigRuleCompliance> RECORD = EvidenceRecord.of("monitoring.configRuleCompliance", ConfigRuleCompliance.class,
            ConfigRuleCompliance.Request::ruleNames, "config:DescribeComplianceByConfigRule");

    /**
     * A request for the compliance of some Config rules.
     *
     * @param ruleNames       the rules
     * @param awaitEvaluation how long rules Config has not evaluated yet may be waited for; empty: read once
     */
    public record Request(List<String> ruleNames, Optional<Duration> awaitEvaluation) {
        public Request {
            ruleNames = List.copyOf(ruleNames);
        }
    }

    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public ConfigRuleCompliance {
        compliance = Collections.unmodifiableMap(new TreeMap<>(compliance));
    }

    public String of(String ruleName) {
        return compliance.getOrDefault(ruleName, INSUFFICIENT_DATA);
    }

    /** Whether every rule has a verdict from Config. */
    public boolean settled() {
        return !compliance.containsValue(INSUFFICIENT_DATA);
    }
}
