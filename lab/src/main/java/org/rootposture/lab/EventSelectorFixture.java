package org.rootposture.lab;

import java.util.List;

/**
 * A classic CloudTrail event selector.
 *
 * @param readWriteType                 {@code All} (default), {@code ReadOnly} or {@code WriteOnly}
 * @param includeManagementEvents       whether management events are logged (default true)
 * @param excludeManagementEventSources event sources left out, such as {@code kms.amazonaws.com}
 */
public record EventSelectorFixture(String readWriteType, Boolean includeManagementEvents, List<String> excludeManagementEventSources) {

    static final EventSelectorFixture ALL_MANAGEMENT_EVENTS = new EventSelectorFixture(null, null, null);

    public EventSelectorFixture {
        readWriteType = readWriteType == null ? "All" : readWriteType;
        includeManagementEvents = includeManagementEvents == null || includeManagementEvents;
        excludeManagementEventSources = Copies.list(excludeManagementEventSources);
    }
}
