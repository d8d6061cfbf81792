package org.rootposture.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rootposture.lab.account.AccountService;
import org.rootposture.lab.cloudtrail.CloudTrailService;
import org.rootposture.lab.config.ConfigService;
import org.rootposture.lab.eventbridge.EventBridgeService;
import org.rootposture.lab.guardduty.GuardDutyService;
import org.rootposture.lab.iam.IamService;
import org.rootposture.lab.monitoring.CloudWatchLogsService;
import org.rootposture.lab.monitoring.CloudWatchService;
import org.rootposture.lab.monitoring.SnsService;
import org.rootposture.lab.organizations.OrganizationsService;
import org.rootposture.lab.service.ServiceHandler;
import org.rootposture.lab.sts.StsService;

final class ServiceRegistry {

    private final Map<String, ServiceHandler> handlers;

    ServiceRegistry(List<ServiceHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ServiceHandler::service, Function.identity()));
    }

    static ServiceRegistry standard() {
        return new ServiceRegistry(List.of(new StsService(), new IamService(), new AccountService(), new OrganizationsService(),
                new CloudTrailService(), new CloudWatchLogsService(), new CloudWatchService(), new SnsService(), new ConfigService(),
                new GuardDutyService(), new EventBridgeService()));
    }

    Optional<ServiceHandler> handler(String service) {
        return Optional.ofNullable(service).map(handlers::get);
    }
}
