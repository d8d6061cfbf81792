package org.rootposture.lab.protocol;

/** How a service's requests name their operation and how its answers and errors look on the wire. */
public interface Protocol {

    String operation(LabRequest request);

    LabResponse error(LabError error, String requestId);
}
