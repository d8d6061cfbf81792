package org.rootposture.evidence;

import java.time.Instant;
import java.util.List;

/**
 * Every virtual MFA device of the account ({@code iam:ListVirtualMFADevices}, all pages, assigned or not).
 *
 * @param devices    the devices
 * @param provenance the calls that produced it
 */
public record VirtualMfaDevices(List<Device> devices, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, VirtualMfaDevices> RECORD = EvidenceRecord.of("virtualMfaDevices", VirtualMfaDevices.class, "iam:ListVirtualMFADevices");

    public VirtualMfaDevices {
        devices = List.copyOf(devices);
    }

    /**
     * One virtual MFA device.
     *
     * @param serialNumber the device ARN; its name is chosen by whoever created it
     * @param userArn      the ARN of the user it is assigned to, or {@code null} when unassigned
     * @param enableDate   when it was enabled
     */
    public record Device(String serialNumber, String userArn, Instant enableDate) { }

    /** The devices assigned to exactly this ARN: not a device merely named like root, not a user whose name contains "root". */
    public List<Device> assignedTo(String arn) {
        return devices.stream().filter(device -> arn.equals(device.userArn())).toList();
    }
}
