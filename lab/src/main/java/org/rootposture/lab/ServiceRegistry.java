package org.rootposture.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

final class ServiceRegistry {

    private final Map<String, ServiceHandler> handlers;

    ServiceRegistry(List<ServiceHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ServiceHandler::service, Function.identity()));
    }

    static ServiceRegistry standard() {
        return new ServiceRegistry(List.of(new StsService(), new IamService(), new AccountService(), new OrganizationsService(),
                new CloudTrailService(), new CloudWatchLogsService(), new CloudWatchService(), new SnsService(), new ConfigService()));
    }

    Optional<ServiceHandler> handler(String service) {
        return Optional.ofNullable(service).map(handlers::get);
    }
}
