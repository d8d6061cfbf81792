package org.rootposture.lab;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Real AWS SDK clients pointed at a lab, without retries, closed together. */
final class LabClients implements AutoCloseable {

    private final Lab lab;
    private final List<SdkClient> clients = new ArrayList<>();

    LabClients(Lab lab) {
        this.lab = lab;
    }

    static AwsCredentials basic(LabCredentials credentials) {
        return AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey());
    }

    IamClient iam() {
        return iam(basic(lab.callerCredentials()));
    }

    IamClient iam(AwsCredentials credentials) {
        return build(IamClient.builder(), credentials);
    }

    StsClient sts() {
        return sts(basic(lab.callerCredentials()));
    }

    StsClient sts(AwsCredentials credentials) {
        return build(StsClient.builder(), credentials);
    }

    AccountClient account() {
        return account(basic(lab.callerCredentials()));
    }

    AccountClient account(AwsCredentials credentials) {
        return build(AccountClient.builder(), credentials);
    }

    OrganizationsClient organizations() {
        return organizations(basic(lab.callerCredentials()));
    }

    OrganizationsClient organizations(AwsCredentials credentials) {
        return build(OrganizationsClient.builder(), credentials);
    }

    private <B extends AwsClientBuilder<B, C>, C extends SdkClient> C build(B builder, AwsCredentials credentials) {
        C client = builder.endpointOverride(lab.endpoint())
                .region(Region.EU_WEST_1)
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
