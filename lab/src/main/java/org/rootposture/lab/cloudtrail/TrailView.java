package org.rootposture.lab.cloudtrail;

import java.util.ArrayList;
import java.util.List;

import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.Trail;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.service.LabState;
import org.rootposture.lab.service.ServiceCall;

/**
 * A trail as one account sees it in one region: its own trail in its home region, or a shadow trail, which is a
 * multi-region trail seen outside its home region or an organization trail seen from a member account.
 */
record TrailView(String ownerId, Trail trail, boolean shadow) {

    String arn() {
        return "arn:aws:cloudtrail:" + trail.homeRegion() + ":" + ownerId + ":trail/" + trail.name();
    }

    /** The ARN of the trail's CloudWatch Logs log group, in its home region and owner account. */
    String logGroupArn() {
        return "arn:aws:logs:" + trail.homeRegion() + ":" + ownerId + ":log-group:" + trail.logGroup() + ":*";
    }

    static List<TrailView> visible(LabState lab, Account account, String region) {
        List<TrailView> views = new ArrayList<>();
        account.monitoring().trails().stream()
                .filter(trail -> trail.homeRegion().equals(region) || trail.multiRegion())
                .forEach(trail -> views.add(new TrailView(account.id(), trail, !trail.homeRegion().equals(region))));
        lab.organization()
                .filter(org -> !org.managementAccountId().equals(account.id()) && account.status() == Account.Status.ACTIVE)
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
