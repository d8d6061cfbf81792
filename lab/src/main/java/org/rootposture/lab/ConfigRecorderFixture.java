package org.rootposture.lab;

/**
 * An AWS Config configuration recorder.
 *
 * @param name                       recorder name (default {@code default})
 * @param recording                  whether it records (default true)
 * @param lastStatus                 {@code SUCCESS} (default), {@code FAILURE} or {@code PENDING}, served as AWS Config
 *                                   spells them: {@code Success}, {@code Failure}, {@code Pending}
 * @param allSupported               whether it records all supported resource types (default true)
 * @param includeGlobalResourceTypes whether it records global resources such as IAM (default true)
 * @param roleArn                    its IAM role (default the AWS Config service-linked role of the account)
 * @param lastStartTime              time value it last started (default {@code -P30D})
 * @param lastStopTime               time value it last stopped; served only when it does not record (default
 *                                   {@code -P1D})
 */
public record ConfigRecorderFixture(
        String name,
        Boolean recording,
        String lastStatus,
        Boolean allSupported,
        Boolean includeGlobalResourceTypes,
        String roleArn,
        String lastStartTime,
        String lastStopTime) {

    public ConfigRecorderFixture {
        name = name == null ? "default" : name;
        recording = recording == null || recording;
        lastStatus = lastStatus == null ? "SUCCESS" : lastStatus;
        allSupported = allSupported == null || allSupported;
        includeGlobalResourceTypes = includeGlobalResourceTypes == null || includeGlobalResourceTypes;
        lastStartTime = lastStartTime == null ? "-P30D" : lastStartTime;
        lastStopTime = lastStopTime == null ? "-P1D" : lastStopTime;
    }
}
