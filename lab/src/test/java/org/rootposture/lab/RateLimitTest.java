package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Fixture;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

class RateLimitTest {

    private static final double ALMOST_NEVER = 0.0001;

    private static Lab lab(Fixture fixture, RateLimit... limits) {
        return Lab.start(fixture, LabOptions.defaults().withRateLimits(List.of(limits)));
    }

    @Test
    void withoutRateLimitsNothingIsThrottled() {
        try (Lab lab = Lab.start(Fixtures.single()); LabClients clients = new LabClients(lab)) {
            for (int i = 0; i < 30; i++) {
                clients.iam().listAccountAliases();
            }
            assertThat(lab.totalThrottles()).isZero();
            assertThat(LabOptions.defaults().rateLimits()).isEmpty();
        }
    }

    @Test
    void iamBeyondItsBurstAnswersThrottlingPerAccountAndCountsIt() {
        try (Lab lab = lab(Fixtures.organization(), new RateLimit("iam", RateLimit.Scope.ACCOUNT, ALMOST_NEVER, 2));
             LabClients clients = new LabClients(lab)) {
            IamClient management = clients.iam();
            management.listAccountAliases();
            management.getAccountSummary();
            assertThatThrownBy(management::listAccountAliases).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                assertThat(e.isThrottlingException()).isTrue();
            });
            clients.iam(LabClients.basic(lab.credentialsFor(Fixtures.MEMBER))).listAccountAliases();

            assertThat(lab.throttles()).containsOnlyKeys(Fixtures.MANAGEMENT);
            assertThat(lab.throttles().get(Fixtures.MANAGEMENT)).containsExactlyEntriesOf(Map.of("iam:ListAccountAliases", 1));
            assertThat(lab.calls().get(Fixtures.MANAGEMENT)).containsEntry("iam:ListAccountAliases", 2);
            assertThat(lab.totalThrottles()).isEqualTo(1);
        }
    }

    @Test
    void organizationsAndAccountManagementThrottleTheirOwnWay() {
        try (Lab lab = lab(Fixtures.organization(),
                new RateLimit("organizations", RateLimit.Scope.ORGANIZATION, ALMOST_NEVER, 1),
                new RateLimit("account", RateLimit.Scope.ACCOUNT, ALMOST_NEVER, 1));
             LabClients clients = new LabClients(lab)) {
            clients.organizations().describeOrganization();
            assertThatThrownBy(() -> clients.organizations().listAccounts()).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                assertThat(e.isThrottlingException()).isTrue();
            });
            assertThat(lab.throttles().get(Fixtures.MANAGEMENT)).containsEntry("organizations:ListAccounts", 1);
        }
        try (Lab lab = lab(Fixtures.single(), new RateLimit("account", RateLimit.Scope.ACCOUNT, ALMOST_NEVER, 1));
             LabClients clients = new LabClients(lab)) {
            clients.account().listRegions(request -> { });
            assertThatThrownBy(() -> clients.account().listRegions(request -> { }))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.account.model.TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.isThrottlingException()).isTrue();
                    });
        }
    }

    @Test
    void theSdksAdaptiveRetriesAbsorbThrottling() {
        try (Lab lab = lab(Fixtures.single(), new RateLimit("iam", RateLimit.Scope.ACCOUNT, 20, 1));
             IamClient iam = IamClient.builder()
                     .endpointOverride(lab.endpoint())
                     .region(Region.AWS_GLOBAL)
                     .credentialsProvider(StaticCredentialsProvider.create(LabClients.basic(lab.callerCredentials())))
                     .overrideConfiguration(config -> config.retryStrategy(
                             AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder().maxAttempts(10).build()))
                     .build()) {
            for (int i = 0; i < 10; i++) {
                assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
            }
            assertThat(lab.totalThrottles()).isPositive();
            assertThat(lab.calls().get(Fixtures.MANAGEMENT).get("iam:ListAccountAliases")).isEqualTo(10 + lab.totalThrottles());
        }
    }

    @Test
    void aBucketRefillsAtItsRateAndAnOperationLimitReplacesItsServices() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(List.of(
                new RateLimit("cloudtrail", RateLimit.Scope.ACCOUNT_REGION, 10, 10),
                new RateLimit("cloudtrail:LookupEvents", RateLimit.Scope.ACCOUNT_REGION, 2, 2)), now::get);
        Optional<String> org = Optional.of("o-test000001");

        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "us-east-1", org)).isEmpty();
        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "us-east-1", org)).isEmpty();
        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "us-east-1", org))
                .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("ThrottlingException"));
        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "eu-west-1", org)).isEmpty();
        assertThat(limiter.admit("cloudtrail:LookupEvents", "222222222222", "us-east-1", org)).isEmpty();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("cloudtrail:DescribeTrails", "111111111111", "us-east-1", org)).isEmpty();
        }
        assertThat(limiter.admit("cloudtrail:DescribeTrails", "111111111111", "us-east-1", org)).isPresent();

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "us-east-1", org)).isEmpty();
        assertThat(limiter.admit("cloudtrail:LookupEvents", "111111111111", "us-east-1", org)).isPresent();
        assertThat(limiter.admit("iam:GetAccountSummary", "111111111111", "us-east-1", org)).isEmpty();
    }

    @Test
    void anOrganizationLimitIsSharedByItsAccountsAndEachServiceAnswersItsOwnCode() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(List.of(new RateLimit("organizations", RateLimit.Scope.ORGANIZATION, 1, 1)), now::get);
        assertThat(limiter.admit("organizations:ListParents", "111111111111", "us-east-1", Optional.of("o-1"))).isEmpty();
        assertThat(limiter.admit("organizations:ListParents", "222222222222", "us-east-1", Optional.of("o-1"))).isPresent();

        assertThat(RateLimiter.throttled("iam:GetAccountSummary").code()).isEqualTo("Throttling");
        assertThat(RateLimiter.throttled("sts:AssumeRole").code()).isEqualTo("Throttling");
        assertThat(RateLimiter.throttled("monitoring:DescribeAlarmsForMetric").code()).isEqualTo("Throttling");
        assertThat(RateLimiter.throttled("organizations:ListParents").code()).isEqualTo("TooManyRequestsException");
        assertThat(RateLimiter.throttled("account:GetAlternateContact").status()).isEqualTo(429);
        assertThat(RateLimiter.throttled("sns:ListSubscriptionsByTopic").code()).isEqualTo("Throttled");
        assertThat(RateLimiter.throttled("config:DescribeConfigRules").code()).isEqualTo("ThrottlingException");
    }

    @Test
    void limitsMustBeSensible() {
        assertThatThrownBy(() -> new RateLimit("iam", RateLimit.Scope.ACCOUNT, 0, 1)).hasMessageContaining("perSecond");
        assertThatThrownBy(() -> new RateLimit("iam", RateLimit.Scope.ACCOUNT, 1, 0)).hasMessageContaining("burst");
        assertThat(RateLimit.awsDefaults()).extracting(RateLimit::operation).contains("organizations", "iam", "cloudtrail:LookupEvents");
    }
}
