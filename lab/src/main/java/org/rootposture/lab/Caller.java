package org.rootposture.lab;

import java.time.Instant;

import org.rootposture.lab.fixture.TaskPolicy;

record Caller(String accountId, String arn, String userId, TaskPolicy rootTask, Instant rootSessionStart) {

    static final String AUDITOR = "lab-auditor";

    static Caller longTerm(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":user/" + AUDITOR, "AIDALAB0" + accountId, null, null);
    }

    static Caller session(AssumedRole session) {
        return new Caller(session.accountId(),
                "arn:aws:sts::" + session.accountId() + ":assumed-role/" + session.roleName() + "/" + session.sessionName(),
                session.assumedRoleId(), null, null);
    }

    static Caller root(AssumedRoot session) {
        return new Caller(session.accountId(), "arn:aws:iam::" + session.accountId() + ":root", session.accountId(), session.taskPolicy(),
                session.openedAt());
    }

    boolean isRootSession() {
        return rootTask != null;
    }

    String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    void authorize(String action) {
        if (rootTask != null && !rootTask.allows(action)) {
            throw LabError.accessDenied("User: " + arn + " is not authorized to perform: " + action
                    + " because no session policy allows the " + action + " action");
        }
    }
}
