package org.rootposture.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record MonitoringCheck(AccountFixture account, OrganizationFixture organization) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,127}");
    private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:aws:logs:([^:]+):(\\d{12}):log-group:([^:]+):\\*");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws:sns:([^:]+):(\\d{12}):[A-Za-z0-9_-]{1,256}");
    private static final Set<String> OPT_STATUSES = Set.of("ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT");
    private static final Set<String> READ_WRITE_TYPES = Set.of("All", "ReadOnly", "WriteOnly");
    private static final Set<String> SELECTOR_FIELDS = Set.of("eventCategory", "eventSource", "eventName", "eventType", "readOnly",
            "resources.type", "resources.ARN", "errorCode", "userIdentity.arn", "sessionCredentialFromConsole", "vpcEndpointId");
    private static final Set<String> EVENT_TYPES = Set.of("AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn");
    private static final Set<String> ALARM_STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");
    private static final Set<String> PROTOCOLS = Set.of("email", "email-json", "http", "https", "sqs", "sms", "lambda", "application", "firehose");
    private static final Set<String> RECORDER_STATUSES = Set.of("SUCCESS", "FAILURE", "PENDING");
    private static final Set<String> RULE_SOURCES = Set.of("ROOT_ACCOUNT_MFA_ENABLED", "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", "IAM_ROOT_ACCESS_KEY_CHECK");
    private static final Set<String> COMPLIANCE_TYPES = Set.of("COMPLIANT", "NON_COMPLIANT", "INSUFFICIENT_DATA", "NOT_APPLICABLE");

    void run() {
        MonitoringFixture monitoring = account.monitoring();
        monitoring.regions().forEach((region, status) -> {
            if (!REGION.matcher(region).matches()) {
                fail("monitoring.regions has a bad region name " + quoted(region) + "; use names such as us-east-1");
            }
            oneOf("monitoring.regions." + region, status, OPT_STATUSES);
        });
        trails(monitoring.trails());
        rootEvents(monitoring.rootEvents());
        rootSessions(monitoring.rootSessions());
        metricFilters(monitoring.metricFilters());
        alarms(monitoring.alarms());
        noNulls("monitoring.topics", monitoring.topics());
        for (int i = 0; i < monitoring.topics().size(); i++) {
            topicArn("monitoring.topics[" + i + "]", monitoring.topics().get(i));
        }
        subscriptions(monitoring.subscriptions());
        monitoring.config().forEach(this::config);
    }

    private void trails(List<TrailFixture> trails) {
        noNulls("monitoring.trails", trails);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < trails.size(); i++) {
            TrailFixture trail = trails.get(i);
            String field = "monitoring.trails[" + i + "]";
            if (trail.name() == null || !TRAIL_NAME.matcher(trail.name()).matches()) {
                fail(field + ".name must be 3 to 128 letters, digits, '.', '_' or '-', not " + quoted(trail.name()));
            }
            if (!names.add(trail.name())) {
                fail(field + ".name " + quoted(trail.name()) + " is a duplicate");
            }
            region(field + ".homeRegion", trail.homeRegion());
            if (trail.logging().isEmpty()) {
                fail(field + ".logging must list at least one value");
            }
            noNulls(field + ".logging", trail.logging());
            time(field + ".latestDeliveryTime", trail.latestDeliveryTime());
            if (trail.organizationTrail()) {
                organizationTrail(field);
            }
            selectors(field, trail);
            if (trail.logGroupArn() != null) {
                logGroupArn(field + ".logGroupArn", trail);
            }
        }
    }

    private void organizationTrail(String field) {
        if (organization == null || !organization.managementAccountId().equals(account.id())) {
            fail(field + ".organizationTrail: only the organization's management account can own an organization trail");
        }
        if (!"ALL".equals(organization.featureSet())) {
            fail(field + ".organizationTrail needs an organization with featureSet ALL, not " + quoted(organization.featureSet()));
        }
    }

    private void selectors(String field, TrailFixture trail) {
        if (!trail.eventSelectors().isEmpty() && !trail.advancedEventSelectors().isEmpty()) {
            fail(field + " has both eventSelectors and advancedEventSelectors; a trail uses one kind");
        }
        noNulls(field + ".eventSelectors", trail.eventSelectors());
        for (int i = 0; i < trail.eventSelectors().size(); i++) {
            EventSelectorFixture selector = trail.eventSelectors().get(i);
            oneOf(field + ".eventSelectors[" + i + "].readWriteType", selector.readWriteType(), READ_WRITE_TYPES);
            noNulls(field + ".eventSelectors[" + i + "].excludeManagementEventSources", selector.excludeManagementEventSources());
        }
        noNulls(field + ".advancedEventSelectors", trail.advancedEventSelectors());
        for (int i = 0; i < trail.advancedEventSelectors().size(); i++) {
            List<FieldSelectorFixture> fieldSelectors = trail.advancedEventSelectors().get(i).fieldSelectors();
            String selector = field + ".advancedEventSelectors[" + i + "].fieldSelectors";
            if (fieldSelectors.isEmpty()) {
                fail(selector + " must list at least one field selector");
            }
            noNulls(selector, fieldSelectors);
            for (int j = 0; j < fieldSelectors.size(); j++) {
                oneOf(selector + "[" + j + "].field", fieldSelectors.get(j).field(), SELECTOR_FIELDS);
                if (fieldSelectors.get(j).empty()) {
                    fail(selector + "[" + j + "] needs a condition such as equals");
                }
            }
        }
    }

    private void logGroupArn(String field, TrailFixture trail) {
        Matcher arn = LOG_GROUP_ARN.matcher(trail.logGroupArn());
        if (!arn.matches()) {
            fail(field + " must look like arn:aws:logs:<region>:<account id>:log-group:<name>:*, not " + quoted(trail.logGroupArn()));
        }
        if (!arn.group(1).equals(trail.homeRegion()) || !arn.group(2).equals(account.id())) {
            fail(field + " " + quoted(trail.logGroupArn()) + " must be in the trail's home region " + trail.homeRegion()
                    + " and account " + account.id());
        }
    }

    private void rootEvents(List<RootEventFixture> events) {
        noNulls("monitoring.rootEvents", events);
        for (int i = 0; i < events.size(); i++) {
            RootEventFixture event = events.get(i);
            String field = "monitoring.rootEvents[" + i + "]";
            time(field + ".time", event.time());
            required(field + ".name", event.name());
            region(field + ".region", event.region());
            oneOf(field + ".eventType", event.eventType(), EVENT_TYPES);
        }
    }

    private void rootSessions(List<RootSessionFixture> sessions) {
        noNulls("monitoring.rootSessions", sessions);
        if (!sessions.isEmpty() && (organization == null || organization.managementAccountId().equals(account.id()))) {
            fail("monitoring.rootSessions: only a member account of an organization has central root sessions");
        }
        for (int i = 0; i < sessions.size(); i++) {
            RootSessionFixture session = sessions.get(i);
            String field = "monitoring.rootSessions[" + i + "]";
            time(field + ".time", session.time());
            region(field + ".region", session.region());
            RootTaskPolicy policy = RootTaskPolicy.of(RootTaskPolicy.PREFIX + session.taskPolicy()).orElse(null);
            if (policy == null) {
                fail(field + ".taskPolicy must be one of " + RootTaskPolicy.ALL.stream().map(p -> p.arn().substring(RootTaskPolicy.PREFIX.length()))
                        .toList() + ", not " + quoted(session.taskPolicy()));
            }
            if (session.openedBy() != null && !session.openedBy().matches("arn:aws:(iam|sts)::" + organization.managementAccountId() + ":\\S+")) {
                fail(field + ".openedBy must be the ARN of a principal of the management account " + organization.managementAccountId()
                        + ", not " + quoted(session.openedBy()));
            }
            if (session.actions().isEmpty()) {
                fail(field + ".actions must list at least one action");
            }
            noNulls(field + ".actions", session.actions());
            for (String action : session.actions()) {
                if (!policy.allows(action) || action.startsWith("sts:")) {
                    fail(field + ".actions has " + quoted(action) + ", which the task policy " + session.taskPolicy() + " does not allow "
                            + "(it allows " + new TreeSet<>(policy.actions()) + ")");
                }
            }
        }
    }

    private void metricFilters(List<MetricFilterFixture> filters) {
        noNulls("monitoring.metricFilters", filters);
        for (int i = 0; i < filters.size(); i++) {
            MetricFilterFixture filter = filters.get(i);
            String field = "monitoring.metricFilters[" + i + "]";
            region(field + ".region", filter.region());
            required(field + ".logGroupName", filter.logGroupName());
            required(field + ".filterName", filter.filterName());
            if (filter.pattern() == null) {
                fail(field + ".pattern is missing");
            }
            required(field + ".metricName", filter.metricName());
            required(field + ".namespace", filter.namespace());
        }
    }

    private void alarms(List<AlarmFixture> alarms) {
        noNulls("monitoring.alarms", alarms);
        for (int i = 0; i < alarms.size(); i++) {
            AlarmFixture alarm = alarms.get(i);
            String field = "monitoring.alarms[" + i + "]";
            region(field + ".region", alarm.region());
            required(field + ".name", alarm.name());
            required(field + ".metricName", alarm.metricName());
            required(field + ".namespace", alarm.namespace());
            oneOf(field + ".state", alarm.state(), ALARM_STATES);
            noNulls(field + ".actions", alarm.actions());
            for (int j = 0; j < alarm.actions().size(); j++) {
                if (!alarm.actions().get(j).startsWith("arn:aws:")) {
                    fail(field + ".actions[" + j + "] must be an ARN, not " + quoted(alarm.actions().get(j)));
                }
            }
        }
    }

    private void subscriptions(List<SubscriptionFixture> subscriptions) {
        noNulls("monitoring.subscriptions", subscriptions);
        for (int i = 0; i < subscriptions.size(); i++) {
            SubscriptionFixture subscription = subscriptions.get(i);
            String field = "monitoring.subscriptions[" + i + "]";
            topicArn(field + ".topicArn", subscription.topicArn());
            oneOf(field + ".protocol", subscription.protocol(), PROTOCOLS);
            required(field + ".endpoint", subscription.endpoint());
        }
    }

    private void topicArn(String field, String topicArn) {
        Matcher arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
        if (arn == null || !arn.matches()) {
            fail(field + " must look like arn:aws:sns:<region>:<account id>:<topic>, not " + quoted(topicArn));
        }
        if (!arn.group(2).equals(account.id())) {
            fail(field + " " + quoted(topicArn) + " must be a topic of account " + account.id());
        }
        region(field + " region", arn.group(1));
    }

    private void config(String region, ConfigFixture config) {
        String field = "monitoring.config." + region;
        region("monitoring.config key", region);
        ConfigRecorderFixture recorder = config.recorder();
        if (recorder != null) {
            oneOf(field + ".recorder.lastStatus", recorder.lastStatus(), RECORDER_STATUSES);
            time(field + ".recorder.lastStartTime", recorder.lastStartTime());
            time(field + ".recorder.lastStopTime", recorder.lastStopTime());
        }
        noNulls(field + ".rules", config.rules());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.rules().size(); i++) {
            ConfigRuleFixture rule = config.rules().get(i);
            String ruleField = field + ".rules[" + i + "]";
            required(ruleField + ".name", rule.name());
            if (!names.add(rule.name())) {
                fail(ruleField + ".name " + quoted(rule.name()) + " is a duplicate");
            }
            oneOf(ruleField + ".sourceIdentifier", rule.sourceIdentifier(), RULE_SOURCES);
            if (rule.compliance().isEmpty()) {
                fail(ruleField + ".compliance must list at least one compliance type");
            }
            rule.compliance().forEach(type -> oneOf(ruleField + ".compliance", type, COMPLIANCE_TYPES));
        }
    }

    private void region(String field, String region) {
        if (!account.monitoring().enabled(region)) {
            fail(field + " " + quoted(region) + " is not an enabled region of the account; monitoring.regions is " + account.monitoring().regions());
        }
    }

    private void required(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field + " is missing");
        }
    }

    private void oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            fail(field + " must be one of " + new TreeSet<>(allowed) + ", not " + quoted(value));
        }
    }

    private void time(String field, String value) {
        if (!TimeValue.isValid(value)) {
            fail(field + " has a bad time value " + quoted(value) + " (" + TimeValue.HINT + ")");
        }
    }

    private void noNulls(String field, List<?> list) {
        if (list.stream().anyMatch(Objects::isNull)) {
            fail(field + " has a null element");
        }
    }

    private void fail(String problem) {
        throw new IllegalArgumentException("Invalid lab fixture: account " + account.id() + ": " + problem);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
