package org.rootposture.benchmark;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The helper a team writes without the framework: plain SDK clients with the SDK's default settings, one per account,
 * service and region, assumed into each member account through {@code OrganizationAccountAccessRole}. Clients and
 * role sessions are reused (which favours the baseline); evidence is not: every check reads its own.
 */
final class NaiveAws {

    static final String REGION = "us-east-1";
    private static final Map<String, SdkClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, AwsCredentialsProvider> SESSIONS = new ConcurrentHashMap<>();
    private static volatile String managementAccountId;
    private static volatile Optional<URI> endpoint = Optional.empty();
    private static volatile AwsCredentialsProvider caller = DefaultCredentialsProvider.builder().build();

    private NaiveAws() {
    }

    /** Points the baseline at a lab, as the caller it knows, until {@link #closeAll()}. */
    static void use(URI labEndpoint, AwsCredentialsProvider labCaller) {
        endpoint = Optional.of(labEndpoint);
        caller = labCaller;
    }

    static String managementAccountId() {
        if (managementAccountId == null) {
            managementAccountId = organizations().describeOrganization().organization().masterAccountId();
        }
        return managementAccountId;
    }

    static OrganizationsClient organizations() {
        return client("management", REGION, OrganizationsClient.builder(), caller);
    }

    static IamClient managementIam() {
        return client("management", REGION, IamClient.builder(), caller);
    }

    static StsClient managementSts() {
        return client("management", REGION, StsClient.builder(), caller);
    }

    static IamClient iam(String accountId) {
        return client(accountId, REGION, IamClient.builder(), credentials(accountId));
    }

    static AccountClient account(String accountId) {
        return client(accountId, REGION, AccountClient.builder(), credentials(accountId));
    }

    static CloudTrailClient cloudTrail(String accountId, String region) {
        return client(accountId, region, CloudTrailClient.builder(), credentials(accountId));
    }

    static CloudWatchLogsClient logs(String accountId, String region) {
        return client(accountId, region, CloudWatchLogsClient.builder(), credentials(accountId));
    }

    static CloudWatchClient cloudWatch(String accountId, String region) {
        return client(accountId, region, CloudWatchClient.builder(), credentials(accountId));
    }

    static SnsClient sns(String accountId, String region) {
        return client(accountId, region, SnsClient.builder(), credentials(accountId));
    }

    static ConfigClient config(String accountId, String region) {
        return client(accountId, region, ConfigClient.builder(), credentials(accountId));
    }

    static GuardDutyClient guardDuty(String accountId, String region) {
        return client(accountId, region, GuardDutyClient.builder(), credentials(accountId));
    }

    static EventBridgeClient eventBridge(String accountId, String region) {
        return client(accountId, region, EventBridgeClient.builder(), credentials(accountId));
    }

    static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, String region, AwsCredentialsProvider credentials) {
        builder.region(Region.of(region)).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(String accountId) {
        if (accountId.equals(managementAccountId())) {
            return caller;
        }
        return SESSIONS.computeIfAbsent(accountId, id -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(managementSts())
                .refreshRequest(request -> request.roleArn("arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole").roleSessionName("posture-checks"))
                .build());
    }

    @SuppressWarnings("unchecked")
    private static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(String accountId, String region, B builder,
                                                                                   AwsCredentialsProvider credentials) {
        return (C) CLIENTS.computeIfAbsent(accountId + "|" + region + "|" + builder.getClass().getName(),
                key -> build(builder, region, credentials));
    }

    static void closeAll() {
        CLIENTS.values().forEach(SdkClient::close);
        CLIENTS.clear();
        SESSIONS.values().forEach(provider -> {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // end of run
                }
            }
        });
        SESSIONS.clear();
        managementAccountId = null;
        endpoint = Optional.empty();
        caller = DefaultCredentialsProvider.builder().build();
    }
}
