package org.rootposture.lab.service;

import java.time.Instant;

import org.rootposture.lab.fixture.TaskPolicy;
import org.rootposture.lab.protocol.LabError;

public record Caller(String accountId, String arn, String userId, TaskPolicy rootTask, Instant rootSessionStart) {

    static final String AUDITOR = "lab-auditor";

    static Caller longTerm(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":user/" + AUDITOR, "AIDALAB0" + accountId, null, null);
    }

    public static Caller session(AssumedRole session) {
        return new Caller(session.accountId(),
                "arn:aws:sts::" + session.accountId() + ":assumed-role/" + session.roleName() + "/" + session.sessionName(),
                session.assumedRoleId(), null, null);
    }

    static Caller root(AssumedRoot session) {
        return new Caller(session.accountId(), "arn:aws:iam::" + session.accountId() + ":root", session.accountId(), session.taskPolicy(),
                session.openedAt());
    }

    public boolean isRootSession() {
        return rootTask != null;
    }

    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public void authorize(String action) {
        if (rootTask != null && !rootTask.allows(action)) {
            throw LabError.accessDenied("User: " + arn + " is not authorized to perform: " + action
                    + " because no session policy allows the " + action + " action");
        }
    }
}
