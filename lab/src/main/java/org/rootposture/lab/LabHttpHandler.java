package org.rootposture.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.rootposture.lab.fixture.Fault;
import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.protocol.AwsJsonProtocol;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabRequest;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Protocol;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.protocol.RestJsonProtocol;
import org.rootposture.lab.protocol.SigV4Scope;
import org.rootposture.lab.service.AccountState;
import org.rootposture.lab.service.Caller;
import org.rootposture.lab.service.HistoryEvent;
import org.rootposture.lab.service.LabState;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;
import org.rootposture.lab.service.ServiceHandler;

final class LabHttpHandler implements HttpHandler {

    /** Services whose events CloudTrail records in us-east-1, whichever region the request was signed for. */
    private static final Set<String> GLOBAL_SERVICES = Set.of("iam", "organizations", "account");

    private final LabState lab;
    private final ServiceRegistry services;
    private final Duration latency;
    private final RateLimiter rateLimiter;

    LabHttpHandler(LabState lab, ServiceRegistry services, Duration latency, RateLimiter rateLimiter) {
        this.lab = lab;
        this.services = services;
        this.latency = latency;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            LabResponse response;
            try {
                response = answer(read(exchange), UUID.randomUUID().toString());
            } catch (WireFault wireFault) {
                response = misbehave(wireFault.fault(), exchange);
                if (response == null) {
                    return;
                }
            }
            delay();
            send(exchange, response);
        }
    }

    LabResponse answer(LabRequest request, String requestId) {
        SigV4Scope scope = SigV4Scope.parse(request.header("authorization"));
        ServiceHandler handler = scope == null ? null : services.handler(scope.service()).orElse(null);
        Protocol protocol = handler != null ? handler.protocol() : guessProtocol(request);
        try {
            if (scope == null) {
                throw new LabError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
            }
            String operation = Objects.requireNonNullElse(protocol.operation(request), "UnnamedOperation");
            Caller caller = lab.identities().resolve(scope.accessKeyId(), request.header("x-amz-security-token"));
            AccountState account = lab.account(caller.accountId()).orElseThrow();
            String name = scope.service() + ":" + operation;
            lab.calls().count(caller.accountId(), name);
            LabError throttled = rateLimiter.admit(name, caller.accountId(), scope.region(),
                    lab.organization().map(Organization::id)).orElse(null);
            if (throttled != null) {
                lab.throttles().count(caller.accountId(), name);
                throw throttled;
            }
            caller.authorize(name);
            Fault fault = account.faultFor(name).orElse(null);
            if (fault != null && !fault.isError()) {
                throw new WireFault(fault);
            }
            if (fault != null) {
                throw new LabError(fault.status(), fault.code(), fault.message());
            }
            Operation served = handler == null ? null : handler.operations().get(operation);
            if (served == null) {
                throw LabError.badRequest("InvalidAction", "The Root Posture lab does not serve " + name);
            }
            if (caller.isRootSession()) {
                account.record(HistoryEvent.rootSessionAction(caller.accountId(), requestId, lab.now(),
                        GLOBAL_SERVICES.contains(scope.service()) ? "us-east-1" : scope.region(), name, caller.rootSessionStart()));
            }
            return served.serve(new ServiceCall(lab, request, caller, account, operation, requestId));
        } catch (WireFault wireFault) {
            throw wireFault;
        } catch (LabError error) {
            return protocol.error(error, requestId);
        } catch (RuntimeException unexpected) {
            return protocol.error(new LabError(500, "InternalFailure", "The Root Posture lab failed: " + unexpected), requestId);
        }
    }

    /** The protocol of a request no service of the lab serves, to answer it with an error it reads. */
    private static Protocol guessProtocol(LabRequest request) {
        if (request.header("x-amz-target") != null) {
            return new AwsJsonProtocol();
        }
        String contentType = request.header("content-type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return new QueryProtocol(null);
        }
        return new RestJsonProtocol();
    }

    /** The answer of a wire fault, or null when the connection is to be closed without one. */
    private static LabResponse misbehave(Fault fault, HttpExchange exchange) {
        String contentType = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Type"), "application/json");
        String answerType = contentType.startsWith("application/x-www-form-urlencoded") ? "text/xml" : contentType;
        switch (fault.kind()) {
            case MALFORMED:
                return LabResponse.of(200, answerType, "<<{{ not an AWS answer ]]\u0000");
            case EMPTY:
                return LabResponse.of(200, answerType, "");
            case TIMEOUT:
                try {
                    Thread.sleep(Fault.TIMEOUT_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            default:
                return null;
        }
    }

    private static LabRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new LabRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private void delay() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, LabResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
