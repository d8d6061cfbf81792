package org.rootposture.evidence;

import java.util.List;
import java.util.Optional;

/**
 * The GuardDuty detectors of one region ({@code guardduty:ListDetectors}, then {@code guardduty:GetDetector} for each):
 * none where GuardDuty is off.
 *
 * @param region     the region
 * @param detectors  its detectors, at most one in practice
 * @param provenance the calls that produced it
 */
public record GuardDutyDetectors(String region, List<Detector> detectors, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<String, GuardDutyDetectors> RECORD = EvidenceRecord.of("monitoring.guardDutyDetectors",
            GuardDutyDetectors.class, (String region) -> List.of(region), "guardduty:ListDetectors", "guardduty:GetDetector");

    public GuardDutyDetectors {
        detectors = List.copyOf(detectors);
    }

    /**
     * One detector.
     *
     * @param id     the detector id
     * @param status {@code ENABLED}, or {@code DISABLED} for a suspended detector
     */
    public record Detector(String id, String status) {

        public boolean enabled() {
            return "ENABLED".equals(status);
        }
    }

    /** The first enabled detector, if any. */
    public Optional<Detector> enabled() {
        return detectors.stream().filter(Detector::enabled).findFirst();
    }
}
