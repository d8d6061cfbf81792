package org.rootposture.lab;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Real AWS SDK clients of the regional monitoring services, pointed at a lab for one account and region, without retries. */
final class MonitoringClients implements AutoCloseable {

    private final Lab lab;
    private final List<SdkClient> clients = new ArrayList<>();

    MonitoringClients(Lab lab) {
        this.lab = lab;
    }

    CloudTrailClient cloudTrail(String accountId, Region region) {
        return cloudTrail(LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    CloudTrailClient cloudTrail(AwsCredentials credentials, Region region) {
        return build(CloudTrailClient.builder(), credentials, region);
    }

    CloudWatchLogsClient logs(String accountId, Region region) {
        return logs(LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    CloudWatchLogsClient logs(AwsCredentials credentials, Region region) {
        return build(CloudWatchLogsClient.builder(), credentials, region);
    }

    CloudWatchClient cloudWatch(String accountId, Region region) {
        return cloudWatch(LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    CloudWatchClient cloudWatch(AwsCredentials credentials, Region region) {
        return build(CloudWatchClient.builder(), credentials, region);
    }

    SnsClient sns(String accountId, Region region) {
        return sns(LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    SnsClient sns(AwsCredentials credentials, Region region) {
        return build(SnsClient.builder(), credentials, region);
    }

    ConfigClient config(String accountId, Region region) {
        return config(LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    ConfigClient config(AwsCredentials credentials, Region region) {
        return build(ConfigClient.builder(), credentials, region);
    }

    GuardDutyClient guardDuty(String accountId, Region region) {
        return build(GuardDutyClient.builder(), LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    EventBridgeClient eventBridge(String accountId, Region region) {
        return build(EventBridgeClient.builder(), LabClients.basic(lab.credentialsFor(accountId)), region);
    }

    private <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, AwsCredentials credentials, Region region) {
        C client = builder.endpointOverride(lab.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SdkClient::close);
    }
}
