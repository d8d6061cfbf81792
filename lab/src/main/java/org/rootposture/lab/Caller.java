package org.rootposture.lab;

record Caller(String accountId, String arn, String userId) {

    static final String AUDITOR = "lab-auditor";

    static Caller longTerm(String accountId) {
        return new Caller(accountId, "arn:aws:iam::" + accountId + ":user/" + AUDITOR, "AIDALAB0" + accountId);
    }

    static Caller session(LabSession session) {
        return new Caller(session.accountId(),
                "arn:aws:sts::" + session.accountId() + ":assumed-role/" + session.roleName() + "/" + session.sessionName(),
                session.assumedRoleId());
    }
}
