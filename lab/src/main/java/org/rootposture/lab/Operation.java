package org.rootposture.lab;

@FunctionalInterface
interface Operation {

    LabResponse serve(ServiceCall call);
}
