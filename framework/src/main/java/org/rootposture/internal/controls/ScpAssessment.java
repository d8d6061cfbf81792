package org.rootposture.internal.controls;

import java.util.List;

import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.Provenance;

/**
 * How each statement of each SCP in an account's chain was judged: whether it denies root's actions outright, only
 * without MFA, or not at all, and why. Derived from {@link org.rootposture.evidence.ScpChain}; shown to auditors.
 *
 * @param chain      the chain, written root → OU → account
 * @param findings   one per statement (or per policy that could not be parsed)
 * @param provenance where the chain came from
 */
public record ScpAssessment(String chain, List<Finding> findings, Provenance provenance) implements Evidence {

    public ScpAssessment {
        findings = List.copyOf(findings);
    }

    /** What a statement does to the root user. */
    public enum Effect {
        /** Denies root every action (or every action but a short, named list). */
        DENIES_ROOT,
        /** Denies root every action when MFA is absent ({@code BoolIfExists aws:MultiFactorAuthPresent false}). */
        DENIES_ROOT_WITHOUT_MFA,
        /**
         * Denies root without MFA with {@code Bool aws:MultiFactorAuthPresent false}, which does not match requests
         * signed with root access keys: they carry no such key, so they are not denied.
         */
        DENIES_ROOT_WITHOUT_MFA_WITH_BOOL,
        /** Does not deny root's actions. */
        NONE,
        /** The policy document could not be parsed. */
        UNREADABLE
    }

    /**
     * One statement's judgement.
     *
     * @param level      where the policy is attached, e.g. {@code OU Production (ou-ab12-cd34ef56)}
     * @param policyId   the SCP id
     * @param policyName the SCP name
     * @param statement  the statement's Sid, or its position
     * @param effect     the judgement
     * @param why        one sentence
     */
    public record Finding(String level, String policyId, String policyName, String statement, Effect effect, String why) {

        String sentence() {
            return policyName + " (" + policyId + ") at " + level + ", statement " + statement + ": " + why;
        }
    }
}
