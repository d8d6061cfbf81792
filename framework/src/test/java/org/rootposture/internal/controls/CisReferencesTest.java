package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every built-in control carries the CIS AWS Foundations Benchmark recommendations it implements, in v3.0.0, v5.0.0,
 * v6.0.0 and v7.0.0, as the published mappings number them: Prowler's {@code prowler/compliance/aws/cis_3.0_aws.json},
 * {@code cis_5.0_aws.json}, {@code cis_6.0_aws.json} and {@code cis_7.0_aws.json} (requirement ids by the checks
 * {@code iam_no_root_access_key}, {@code iam_root_mfa_enabled}, {@code iam_root_hardware_mfa_enabled},
 * {@code iam_avoid_root_usage}, {@code account_security_contact_information_is_registered},
 * {@code cloudtrail_multi_region_enabled}, {@code config_recorder_all_regions_enabled},
 * {@code cloudwatch_log_metric_filter_root_usage}, {@code iam_root_credentials_management_enabled}; 2.1.2 "Ensure
 * authorization guardrails for all AWS Organization accounts" by its text), agreeing with Steampipe's {@code cis_v600}.
 */
class CisReferencesTest {

    private static final Map<String, List<String>> PUBLISHED = published();

    private static Map<String, List<String>> published() {
        Map<String, List<String>> references = new LinkedHashMap<>();
        references.put("root.access-keys.absent", List.of("v3.0.0:1.4", "v5.0.0:1.3", "v6.0.0:2.3", "v7.0.0:2.4"));
        references.put("root.mfa.enabled", List.of("v3.0.0:1.5", "v5.0.0:1.4", "v6.0.0:2.4", "v7.0.0:2.5"));
        references.put("root.mfa.hardware", List.of("v3.0.0:1.6", "v5.0.0:1.5", "v6.0.0:2.5", "v7.0.0:2.6"));
        references.put("root.usage.none-recent", List.of("v3.0.0:1.7", "v5.0.0:1.6", "v6.0.0:2.6", "v7.0.0:2.7"));
        references.put("root.signing-certificates.absent", List.of());
        references.put("root.contacts.security", List.of("v3.0.0:1.2", "v5.0.0:1.2", "v6.0.0:2.2", "v7.0.0:2.3"));
        references.put("org.root-access.centralized", List.of("v7.0.0:2.1.1"));
        references.put("org.scp.root-denied", List.of("v7.0.0:2.1.2"));
        references.put("org.scp.root-mfa", List.of("v7.0.0:2.1.2"));
        references.put("root.credentials.absent", List.of());
        references.put("trail.multi-region.logging", List.of("v3.0.0:3.1", "v5.0.0:3.1", "v6.0.0:4.1", "v7.0.0:4.1"));
        references.put("trail.root-activity.none-recent", List.of("v3.0.0:1.7", "v5.0.0:1.6", "v6.0.0:2.6", "v7.0.0:2.7"));
        references.put("alarm.root-usage", List.of("v3.0.0:4.3", "v5.0.0:4.3", "v6.0.0:5.3", "v7.0.0:5.3"));
        references.put("config.recorder.all-regions", List.of("v3.0.0:3.3", "v5.0.0:3.3", "v6.0.0:4.3", "v7.0.0:4.3"));
        references.put("config.root-rules.compliant", List.of());
        return references;
    }

    @Test
    void everyBuiltInControlCarriesThePublishedNumbersOfEachVersion() {
        Map<String, List<String>> carried = new LinkedHashMap<>();
        Catalogue.all().forEach(control -> carried.put(control.definition().id(),
                control.definition().cis().stream().map(CisReference::toString).toList()));
        assertThat(carried).containsAllEntriesOf(PUBLISHED);
    }
}
