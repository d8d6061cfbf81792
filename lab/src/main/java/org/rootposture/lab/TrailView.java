package org.rootposture.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * A trail as one account sees it in one region: its own trail in its home region, or a shadow trail, which is a
 * multi-region trail seen outside its home region or an organization trail seen from a member account.
 */
record TrailView(String ownerId, TrailFixture trail, boolean shadow) {

    String arn() {
        return trail.arn(ownerId);
    }

    static List<TrailView> visible(LabState lab, AccountFixture account, String region) {
        List<TrailView> views = new ArrayList<>();
        account.monitoring().trails().stream()
                .filter(trail -> trail.homeRegion().equals(region) || trail.multiRegion())
                .forEach(trail -> views.add(new TrailView(account.id(), trail, !trail.homeRegion().equals(region))));
        lab.organization()
                .filter(org -> !org.managementAccountId().equals(account.id()) && account.status().equals("ACTIVE"))
                .flatMap(org -> lab.fixture().account(org.managementAccountId()))
                .ifPresent(management -> management.monitoring().trails().stream()
                        .filter(trail -> trail.organizationTrail() && (trail.homeRegion().equals(region) || trail.multiRegion()))
                        .forEach(trail -> views.add(new TrailView(management.id(), trail, true))));
        return views;
    }

    static TrailView find(ServiceCall call, String region, String nameOrArn) {
        return visible(call.lab(), call.account().fixture(), region).stream()
                .filter(view -> nameOrArn != null && (nameOrArn.startsWith("arn:") ? view.arn().equals(nameOrArn)
                        : !view.shadow() && view.trail().name().equals(nameOrArn)))
                .findFirst()
                .orElseThrow(() -> new LabError(400, "TrailNotFoundException",
                        "Unknown trail: " + nameOrArn + " for the user: " + call.caller().accountId()));
    }
}
