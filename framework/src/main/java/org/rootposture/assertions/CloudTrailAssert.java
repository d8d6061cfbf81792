package org.rootposture.assertions;

import java.time.Duration;

import org.rootposture.CloudTrail;
import org.rootposture.internal.controls.MonitoringControls;

/**
 * Assertions on how an account's CloudTrail watches its root user, decided by the same code as
 * {@code @CloudTrailLogsAllRegions}, {@code @NoRecentRootActivity} and {@code @RootActivityIsAlarmed}.
 *
 * <pre>
 * assertThat(account.cloudTrail())
 *         .logsAllRegions()
 *         .hasNoRootActivityWithin(Duration.ofDays(30))
 *         .alarmsOnRootActivity();
 * </pre>
 */
public final class CloudTrailAssert extends ControlAssertions<CloudTrailAssert, CloudTrail> {

    CloudTrailAssert(CloudTrail actual) {
        super(actual, CloudTrailAssert.class);
    }

    /**
     * A multi-region trail is logging every management event, read and write ({@code trail.multi-region.logging}).
     *
     * <pre>assertThat(account.cloudTrail()).logsAllRegions();</pre>
     */
    public CloudTrailAssert logsAllRegions() {
        isNotNull();
        return satisfies(actual.account(), MonitoringControls.TRAIL_MULTI_REGION_LOGGING, actual.account().context());
    }

    /**
     * No region's CloudTrail event history holds a root user event within the window
     * ({@code trail.root-activity.none-recent}, in every enabled region); a failure names the first region with events
     * and lists them.
     *
     * <pre>assertThat(account.cloudTrail()).hasNoRootActivityWithin(Duration.ofDays(30));</pre>
     */
    public CloudTrailAssert hasNoRootActivityWithin(Duration window) {
        isNotNull();
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hasNoRootActivityWithin needs a positive window, not " + window);
        }
        return EveryRegion.satisfies(this, actual.account(), MonitoringControls.ROOT_ACTIVITY_NONE_RECENT,
                actual.account().context().withUsageWindow(window));
    }

    /**
     * Root usage raises an alarm: CIS metric filter, alarm with an action, confirmed SNS subscriber ({@code alarm.root-usage}).
     *
     * <pre>assertThat(account.cloudTrail()).alarmsOnRootActivity();</pre>
     */
    public CloudTrailAssert alarmsOnRootActivity() {
        isNotNull();
        return satisfies(actual.account(), MonitoringControls.ALARM_ROOT_USAGE, actual.account().context());
    }
}
