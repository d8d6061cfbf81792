package org.rootposture.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The AWS Config configuration recorders of one region and their status ({@code config:DescribeConfigurationRecorders}
 * and {@code config:DescribeConfigurationRecorderStatus}).
 *
 * @param region     the region
 * @param recorders  the recorders
 * @param provenance the calls that produced it
 */
public record ConfigRecorders(String region, List<Recorder> recorders, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, ConfigRecorders> RECORD = EvidenceRecord.of("monitoring.configRecorders", ConfigRecorders.class,
            (String region) -> List.of(region), "config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus");

    public ConfigRecorders {
        recorders = List.copyOf(recorders);
    }

    /**
     * One recorder with its status; the status fields are {@code null} when no status was answered for it.
     *
     * @param name                       recorder name
     * @param allSupported               whether it records all supported resource types
     * @param includeGlobalResourceTypes whether it records global resources such as IAM
     * @param recording                  whether it is recording
     * @param lastStatus                 {@code SUCCESS}, {@code PENDING} or {@code FAILURE}
     * @param lastErrorCode              the error of its last failure, if any
     * @param lastErrorMessage           the message of its last failure, if any
     * @param lastStartTime              when it last started
     * @param lastStopTime               when it last stopped
     */
    public record Recorder(String name, Boolean allSupported, Boolean includeGlobalResourceTypes, Boolean recording, String lastStatus,
                           String lastErrorCode, String lastErrorMessage, Instant lastStartTime, Instant lastStopTime) { }
}
