package org.rootposture.lab;

import java.util.List;

/**
 * A CloudTrail trail owned by an account. A multi-region trail appears as a shadow trail in the account's other regions;
 * an organization trail of the management account also appears as a shadow trail in every active member account.
 * Without any selectors a trail logs all management events, as a new trail does.
 *
 * @param name                   trail name
 * @param homeRegion             the region the trail was created in (default {@code us-east-1})
 * @param multiRegion            whether the trail logs every region (default false)
 * @param organizationTrail      whether the trail logs the whole organization; only the management account may own
 *                               one (default false)
 * @param logging                {@code IsLogging} values {@code cloudtrail:GetTrailStatus} answers, one per call, the
 *                               last one repeating (default {@code [true]})
 * @param eventSelectors         classic event selectors (default: all management events, read and write)
 * @param advancedEventSelectors advanced event selectors, instead of classic ones
 * @param logGroupArn            CloudWatch Logs log group the trail delivers to, in its home region and account, such as
 *                               {@code arn:aws:logs:us-east-1:111111111111:log-group:cloudtrail:*}; none when null
 * @param s3BucketName           S3 bucket of the log files (default {@code aws-cloudtrail-logs-<account id>})
 * @param latestDeliveryTime     time value of the latest log file delivery (default {@code -PT5M})
 */
public record TrailFixture(
        String name,
        String homeRegion,
        Boolean multiRegion,
        Boolean organizationTrail,
        List<Boolean> logging,
        List<EventSelectorFixture> eventSelectors,
        List<AdvancedEventSelectorFixture> advancedEventSelectors,
        String logGroupArn,
        String s3BucketName,
        String latestDeliveryTime) {

    public TrailFixture {
        homeRegion = homeRegion == null ? "us-east-1" : homeRegion;
        multiRegion = multiRegion != null && multiRegion;
        organizationTrail = organizationTrail != null && organizationTrail;
        logging = logging == null ? List.of(true) : Copies.list(logging);
        eventSelectors = eventSelectors == null && advancedEventSelectors == null
                ? List.of(EventSelectorFixture.ALL_MANAGEMENT_EVENTS) : Copies.list(eventSelectors);
        advancedEventSelectors = Copies.list(advancedEventSelectors);
        latestDeliveryTime = latestDeliveryTime == null ? "-PT5M" : latestDeliveryTime;
    }

    /** The trail's ARN, in its owner account and home region. */
    String arn(String ownerId) {
        return "arn:aws:cloudtrail:" + homeRegion + ":" + ownerId + ":trail/" + name;
    }

    /** Whether the selectors differ from those of a new trail. */
    boolean customSelectors() {
        return !advancedEventSelectors.isEmpty() || !eventSelectors.equals(List.of(EventSelectorFixture.ALL_MANAGEMENT_EVENTS));
    }
}
