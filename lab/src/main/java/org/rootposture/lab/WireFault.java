package org.rootposture.lab;

import org.rootposture.lab.fixture.Fault;

/** A fault that misbehaves on the wire instead of answering with an AWS error: thrown past the protocol, handled by the HTTP handler. */
final class WireFault extends RuntimeException {

    private final Fault fault;

    WireFault(Fault fault) {
        super(fault.kind() + " fault for " + fault.operation(), null, false, false);
        this.fault = fault;
    }

    Fault fault() {
        return fault;
    }
}
