package org.rootposture.evidence;

import java.util.List;

/**
 * The service control policies that apply to one account: every level from the organization root down to the
 * account, with the policies attached at each (the organization's tree from {@code organizations:ListRoots},
 * {@code ListOrganizationalUnitsForParent} and {@code ListAccountsForParent}; attachments from {@code ListPolicies} and
 * {@code ListTargetsForPolicy}; documents from {@code DescribePolicy}).
 *
 * @param accountId  the account
 * @param levels     root first, the account last
 * @param provenance the calls that produced it
 */
public record ScpChain(String accountId, List<Level> levels, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, ScpChain> RECORD = EvidenceRecord.of("serviceControlPolicies", ScpChain.class, "organizations:ListTargetsForPolicy", "organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent", "organizations:ListAccountsForParent", "organizations:ListPolicies", "organizations:DescribePolicy");

    public ScpChain {
        levels = List.copyOf(levels);
    }

    /**
     * One level of the chain.
     *
     * @param targetId the root, OU or account id
     * @param type     {@code ROOT}, {@code ORGANIZATIONAL_UNIT} or {@code ACCOUNT}
     * @param name     its name
     * @param policies the SCPs attached to it
     */
    public record Level(String targetId, String type, String name, List<Policy> policies) {

        public Level {
            policies = List.copyOf(policies);
        }
    }

    /**
     * One attached SCP.
     *
     * @param id         e.g. {@code p-abcd1234}
     * @param name       its name
     * @param awsManaged whether AWS manages it (FullAWSAccess)
     * @param document   the policy JSON as AWS returned it
     */
    public record Policy(String id, String name, boolean awsManaged, String document) { }

    /** {@code Root (r-ab12) → OU Production (ou-…) → account 123456789012}. */
    public String path() {
        return String.join(" → ", levels.stream().map(level -> switch (level.type()) {
            case "ROOT" -> "root " + level.targetId();
            case "ORGANIZATIONAL_UNIT" -> "OU " + level.name() + " (" + level.targetId() + ")";
            default -> "account " + level.targetId();
        }).toList());
    }
}
