package org.rootposture.lab;

/** A fault that misbehaves on the wire instead of answering with an AWS error: thrown past the protocol, handled by the HTTP handler. */
final class WireFault extends RuntimeException {

    private final FaultFixture fault;

    WireFault(FaultFixture fault) {
        super(fault.kind() + " fault for " + fault.operation(), null, false, false);
        this.fault = fault;
    }

    FaultFixture fault() {
        return fault;
    }
}
