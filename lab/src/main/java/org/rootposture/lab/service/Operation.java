package org.rootposture.lab.service;

import org.rootposture.lab.protocol.LabResponse;

@FunctionalInterface
public interface Operation {

    LabResponse serve(ServiceCall call);
}
