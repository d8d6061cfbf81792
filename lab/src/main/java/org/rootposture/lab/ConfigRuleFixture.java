package org.rootposture.lab;

import java.util.List;

/**
 * An AWS managed Config rule about the root user.
 *
 * @param name             rule name such as {@code root-account-mfa-enabled}
 * @param sourceIdentifier {@code ROOT_ACCOUNT_MFA_ENABLED}, {@code ROOT_ACCOUNT_HARDWARE_MFA_ENABLED} or
 *                         {@code IAM_ROOT_ACCESS_KEY_CHECK}
 * @param compliance       compliance types {@code config:DescribeComplianceByConfigRule} answers, one per call, the last
 *                         one repeating: {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code INSUFFICIENT_DATA} or
 *                         {@code NOT_APPLICABLE} (default {@code ["COMPLIANT"]})
 */
public record ConfigRuleFixture(String name, String sourceIdentifier, List<String> compliance) {

    public ConfigRuleFixture {
        compliance = compliance == null ? List.of("COMPLIANT") : Copies.list(compliance);
    }
}
