package org.rootposture.internal.controls;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every built-in control, by stable id. */
public final class Catalogue {

    private Catalogue() {
    }

    public static List<BuiltInControl> all() {
        return Stream.of(RootCredentialControls.all(), OrganizationControls.all(), MonitoringControls.all(), BeyondCisControls.all()).flatMap(List::stream).toList();
    }

    public static Optional<BuiltInControl> byId(String id) {
        return all().stream().filter(control -> control.definition().id().equals(id)).findFirst();
    }
}
