package org.rootposture.evidence;

import java.util.List;

/**
 * The CloudTrail trails an account sees in the run's region ({@code cloudtrail:DescribeTrails} with shadow trails):
 * its own trails, the shadows of its multi-region trails, and the organization trail of its management account.
 *
 * @param region     the region the trails were listed in
 * @param trails     the trails
 * @param provenance the call that produced it
 */
public record Trails(String region, List<Trail> trails, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, Trails> RECORD = EvidenceRecord.of("monitoring.trails", Trails.class, "cloudtrail:DescribeTrails");

    public Trails {
        trails = List.copyOf(trails);
    }

    /**
     * One trail.
     *
     * @param name              trail name
     * @param arn               trail ARN, which names the account that owns it
     * @param homeRegion        the region it was created in
     * @param multiRegion       whether it logs every region
     * @param organizationTrail whether it logs every account of the organization
     * @param logGroupArn       the CloudWatch Logs log group it delivers to, or {@code null}
     */
    public record Trail(String name, String arn, String homeRegion, boolean multiRegion, boolean organizationTrail, String logGroupArn) {

        /** The account that owns the trail, from its ARN. */
        public String ownerAccountId() {
            String[] parts = arn.split(":", 6);
            return parts.length == 6 ? parts[4] : "";
        }

        /** {@code org-trail (organization trail of 111111111111, home region us-east-1)}. */
        public String describe(String accountId) {
            String owner = ownerAccountId().equals(accountId) ? ""
                    : (organizationTrail ? "organization trail of " : "trail of ") + ownerAccountId() + ", ";
            return name + " (" + owner + "home region " + homeRegion + ")";
        }
    }

    public List<Trail> multiRegion() {
        return trails.stream().filter(Trail::multiRegion).toList();
    }
}
