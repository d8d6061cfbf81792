package org.rootposture.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The root user's MFA devices, listed through a central root session ({@code sts:AssumeRoot} with the
 * {@code IAMAuditRootUserCredentials} task policy, then {@code iam:ListMFADevices}), which only a run with
 * {@code rootposture.root-sessions=true} opens, only where the organization enables root sessions, and only into member
 * accounts. Where none is opened the record says why and lists nothing. Each device's kind comes from its serial
 * number.
 *
 * <pre>
 * RootMfaDevices devices = account.evidence().rootMfaDevices();
 * if (devices.listed()) { devices.devices().forEach(device -&gt; System.out.println(device.describe())); }
 * </pre>
 *
 * @param availability whether the devices were listed, and if not, why not
 * @param devices      the devices, oldest first; empty when not listed
 * @param provenance   the calls that produced it
 */
public record RootMfaDevices(Availability availability, List<Device> devices, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Void, RootMfaDevices> RECORD = EvidenceRecord.of("rootMfaDevices", RootMfaDevices.class,
            "sts:AssumeRoot", "iam:ListMFADevices");

    /** Whether a root session listed the devices, and if not, why not. */
    public enum Availability {
        /** Listed through a root session. */
        LISTED,
        /** The run opens no root session ({@code rootposture.root-sessions} is not true). */
        ROOT_SESSIONS_OFF,
        /** The organization does not enable root sessions, or the run's caller is neither its management account nor a delegated administrator. */
        ROOT_SESSIONS_NOT_ENABLED,
        /** {@code sts:AssumeRoot} opens sessions into member accounts only, not into the management account. */
        MANAGEMENT_ACCOUNT
    }

    /** What kind of MFA device a serial number stands for. */
    public enum Kind {
        /** {@code arn:…:mfa/…}: an authenticator app. */
        VIRTUAL("virtual MFA device"),
        /** {@code arn:…:u2f/…}: a FIDO security key or passkey. */
        FIDO("FIDO security key or passkey"),
        /** Any other serial, such as {@code GAHT12345678}: a hardware TOTP token. */
        HARDWARE_TOTP("hardware TOTP token");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public static Kind of(String serialNumber) {
            String serial = serialNumber.toLowerCase(Locale.ROOT);
            if (serial.startsWith("arn:") && serial.contains(":mfa/")) {
                return VIRTUAL;
            }
            if (serial.startsWith("arn:") && serial.contains(":u2f/")) {
                return FIDO;
            }
            return HARDWARE_TOTP;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * One MFA device of the root user.
     *
     * @param serialNumber the serial number or device ARN
     * @param kind         its kind, from the serial number
     * @param enabled      when it was enabled
     */
    public record Device(String serialNumber, Kind kind, Instant enabled) {

        public Device(String serialNumber, Instant enabled) {
            this(serialNumber, Kind.of(serialNumber), enabled);
        }

        /** {@code GAHT12345678 (hardware TOTP token)}. */
        public String describe() {
            return serialNumber + " (" + kind + ")";
        }
    }

    public RootMfaDevices {
        devices = List.copyOf(devices);
    }

    public static RootMfaDevices notListed(Availability why, Provenance provenance) {
        return new RootMfaDevices(why, List.of(), provenance);
    }

    public boolean listed() {
        return availability == Availability.LISTED;
    }
}
