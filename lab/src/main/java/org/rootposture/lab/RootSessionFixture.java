package org.rootposture.lab;

import java.util.List;

/**
 * A central root session ({@code sts:AssumeRoot}) that acted in a member account, as CloudTrail records it: each action
 * is a root event of the member's event history with {@code userIdentity.sessionContext.assumedRoot = "true"}, a minute
 * apart after the session opened; when {@code openedBy} is set, the organization's management account's event history
 * holds the {@code AssumeRoot} call that opened it (who, for which member and task policy).
 *
 * @param time       time value of the {@code AssumeRoot} call
 * @param region     the region of the session, where its events are recorded (default {@code us-east-1})
 * @param taskPolicy the root task policy's name, such as {@code S3UnlockBucketPolicy} (default {@code IAMAuditRootUserCredentials})
 * @param openedBy   ARN of the management account's principal that opened the session; when null the management
 *                   account's history holds no {@code AssumeRoot} event for it
 * @param actions    what the session did, as {@code service:Action} (such as {@code s3:DeleteBucketPolicy}), each
 *                   allowed by the task policy
 */
public record RootSessionFixture(String time, String region, String taskPolicy, String openedBy, List<String> actions) {

    public RootSessionFixture {
        region = region == null ? "us-east-1" : region;
        taskPolicy = taskPolicy == null ? "IAMAuditRootUserCredentials" : taskPolicy;
        actions = Copies.list(actions);
    }
}
