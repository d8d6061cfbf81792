package org.rootposture.lab;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One of the AWS managed task policies that scope a root session of {@code sts:AssumeRoot}, and what it allows. */
record RootTaskPolicy(String arn, Set<String> actions) {

    static final String PREFIX = "arn:aws:iam::aws:policy/root-task/";

    private static final Set<String> AUDIT = Set.of("iam:GetLoginProfile", "iam:ListAccessKeys", "iam:ListMFADevices", "iam:ListSigningCertificates");

    static final List<RootTaskPolicy> ALL = List.of(
            new RootTaskPolicy(PREFIX + "IAMAuditRootUserCredentials", AUDIT),
            new RootTaskPolicy(PREFIX + "IAMCreateRootUserPassword", Set.of("iam:CreateLoginProfile", "iam:GetLoginProfile")),
            new RootTaskPolicy(PREFIX + "IAMDeleteRootUserCredentials", Set.of("iam:GetLoginProfile", "iam:ListAccessKeys",
                    "iam:ListMFADevices", "iam:ListSigningCertificates", "iam:DeleteLoginProfile", "iam:DeleteAccessKey",
                    "iam:DeactivateMFADevice", "iam:DeleteSigningCertificate")),
            new RootTaskPolicy(PREFIX + "S3UnlockBucketPolicy", Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy")),
            new RootTaskPolicy(PREFIX + "SQSUnlockQueuePolicy", Set.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes")));

    static Optional<RootTaskPolicy> of(String arn) {
        return ALL.stream().filter(policy -> policy.arn().equals(arn)).findFirst();
    }

    boolean allows(String action) {
        return action.equals("sts:GetCallerIdentity") || actions.contains(action);
    }
}
