package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.account.model.AccountException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class LabTest {

    @Test
    void theEndpointIsALoopbackHttpUrl() {
        try (Lab lab = Lab.start(Fixtures.single())) {
            URI endpoint = lab.endpoint();

            assertThat(endpoint.getScheme()).isEqualTo("http");
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPort()).isPositive();
        }
    }

    @Test
    void anOperationTheLabDoesNotServeIsNamedInTheError() {
        try (Lab lab = Lab.start(Fixtures.organization()); LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.iam().listUsers()).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Root Posture lab does not serve iam:ListUsers");
            });
            assertThatThrownBy(() -> clients.organizations().listHandshakesForOrganization()).isInstanceOfSatisfying(OrganizationsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Root Posture lab does not serve organizations:ListHandshakesForOrganization");
            });
            assertThatThrownBy(() -> clients.account().getRegionOptStatus(request -> request.regionName("eu-west-1")))
                    .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The Root Posture lab does not serve account:GetRegionOptStatus"));
            assertThat(lab.calls().get("111111111111")).containsOnlyKeys("iam:ListUsers", "organizations:ListHandshakesForOrganization", "account:GetRegionOptStatus");
        }
    }

    @Test
    void anAccessKeyTheLabDoesNotKnowIsRejectedAndNotCounted() {
        try (Lab lab = Lab.start(Fixtures.single()); LabClients clients = new LabClients(lab)) {
            for (String key : new String[] {"AKIALAB0999999999999", "AKIAIOSFODNN7EXAMPLE"}) {
                StsClient sts = clients.sts(AwsBasicCredentials.create(key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
                assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
            }
            assertThat(lab.totalCalls()).isZero();
        }
    }

    @Test
    void anUnsignedRequestIsRejected() throws Exception {
        try (Lab lab = Lab.start(Fixtures.single())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(lab.endpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
        }
    }

    @Test
    void callsAreCountedPerAccountAndOperationAndCanBeReset() {
        try (Lab lab = Lab.start(Fixtures.organization()); LabClients clients = new LabClients(lab)) {
            clients.sts().getCallerIdentity();
            clients.sts().getCallerIdentity();
            clients.iam().getAccountSummary();
            clients.iam(LabClients.basic(lab.credentialsFor("222222222222"))).listAccountAliases();

            Map<String, Map<String, Integer>> calls = lab.calls();
            assertThat(calls).containsOnlyKeys("111111111111", "222222222222");
            assertThat(calls.get("111111111111")).containsOnly(Map.entry("sts:GetCallerIdentity", 2), Map.entry("iam:GetAccountSummary", 1));
            assertThat(calls.get("222222222222")).containsOnly(Map.entry("iam:ListAccountAliases", 1));
            assertThat(lab.totalCalls()).isEqualTo(4);
            assertThatThrownBy(() -> calls.put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);

            lab.resetCalls();

            assertThat(lab.calls()).isEmpty();
            assertThat(lab.totalCalls()).isZero();
            assertThat(calls).containsKey("111111111111");
        }
    }

    @Test
    void theLatencyOptionDelaysEveryResponse() {
        Duration latency = Duration.ofMillis(200);
        try (Lab lab = Lab.start(Fixtures.single(), LabOptions.defaults().withLatency(latency)); LabClients clients = new LabClients(lab)) {
            StsClient sts = clients.sts();
            long started = System.nanoTime();
            sts.getCallerIdentity();
            sts.getCallerIdentity();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency.multipliedBy(2));
        }
        assertThat(LabOptions.defaults().latency()).isZero();
        assertThatThrownBy(() -> LabOptions.defaults().withLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRequestsAreServedInParallel() throws Exception {
        Duration latency = Duration.ofMillis(300);
        try (Lab lab = Lab.start(Fixtures.single(), LabOptions.defaults().withLatency(latency)); LabClients clients = new LabClients(lab)) {
            StsClient sts = clients.sts();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                long started = System.nanoTime();
                var futures = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> sts.getCallerIdentity().account())).toList();
                for (Future<String> future : futures) {
                    assertThat(future.get()).isEqualTo("111111111111");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency.multipliedBy(8));
            } finally {
                pool.shutdownNow();
            }
            assertThat(lab.totalCalls()).isEqualTo(8);
        }
    }

    @Test
    void aClosedLabNoLongerAnswers() {
        Lab lab = Lab.start(Fixtures.single());
        LabClients clients = new LabClients(lab);
        StsClient sts = clients.sts();
        assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");

        lab.close();

        assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkClientException.class);
        clients.close();
    }

    @Test
    void credentialsPrintWithoutTheirSecret() {
        try (Lab lab = Lab.start(Fixtures.single())) {
            assertThat(lab.callerCredentials().toString()).contains("AKIALAB0111111111111").doesNotContain("labSecretKey");
        }
    }
}
