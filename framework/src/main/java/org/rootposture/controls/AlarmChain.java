package org.rootposture.controls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceUnavailableException;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.Trails;
import org.rootposture.evidence.Unreadable;

/**
 * The decision of {@code alarm.root-usage}: from each logging multi-region trail to its CloudWatch Logs log group, a
 * metric filter with the CIS root usage pattern, an alarm on its metric with an action, and an SNS topic with a
 * confirmed subscriber. One complete chain passes; otherwise the verdict names the missing link of each chain.
 */
final class AlarmChain {

    private final MonitoringEvidence monitoring;
    private final String accountId;
    private final Set<Evidence> evidence = new LinkedHashSet<>();
    private final List<String> broken = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();

    private AlarmChain(MonitoringEvidence monitoring, String accountId) {
        this.monitoring = monitoring;
        this.accountId = accountId;
    }

    static Verdict decide(AccountEvidence account, EvaluationContext context) {
        AlarmChain chain = new AlarmChain(account.monitoring(), account.identity().accountId());
        return chain.decide(context);
    }

    private Verdict decide(EvaluationContext context) {
        Trails trails = monitoring.trails();
        evidence.add(trails);
        List<TrailAssessment.Judged> judged = TrailAssessment.judge(monitoring, trails, accountId, context.await());
        judged.forEach(trail -> evidence.addAll(trail.evidence()));
        List<TrailAssessment.Judged> logging = judged.stream().filter(trail -> trail.state() == TrailAssessment.State.QUALIFIES).toList();
        if (logging.isEmpty()) {
            String sentences = judged.isEmpty() ? "no multi-region trail is visible in " + trails.region()
                    : judged.stream().map(TrailAssessment.Judged::sentence).collect(Collectors.joining("; "));
            if (judged.stream().anyMatch(trail -> trail.state() == TrailAssessment.State.UNKNOWN)) {
                return Verdict.unableToAssess("The root usage alarm hangs off a logging multi-region trail, and none is known to exist: "
                        + sentences + ".", evidence());
            }
            return Verdict.fail("Root usage is not alarmed: no multi-region trail is logging management events to watch (" + sentences + ").",
                    evidence());
        }
        for (TrailAssessment.Judged trail : logging) {
            Optional<String> complete = follow(trail.trail());
            if (complete.isPresent()) {
                return Verdict.pass("Root usage is alarmed: " + complete.get() + ".", evidence());
            }
        }
        if (!unknown.isEmpty()) {
            return Verdict.unableToAssess("No complete root usage alarm chain could be confirmed: " + String.join("; ", unknown)
                    + (broken.isEmpty() ? "" : "; " + String.join("; ", broken)) + ".", evidence());
        }
        return Verdict.fail("Root usage is not alarmed: " + String.join("; ", broken) + ".", evidence());
    }

    private Evidence[] evidence() {
        return evidence.toArray(Evidence[]::new);
    }

    private Optional<String> follow(Trails.Trail trail) {
        String name = "trail " + trail.describe(accountId);
        if (trail.logGroupArn() == null) {
            broken.add(name + " delivers no events to CloudWatch Logs (no CloudWatchLogsLogGroupArn), so no metric filter can see root activity");
            return Optional.empty();
        }
        Optional<LogGroup> parsed = LogGroup.parse(trail.logGroupArn());
        if (parsed.isEmpty()) {
            unknown.add(name + " delivers to " + trail.logGroupArn() + ", which is not a log group ARN Root Posture understands");
            return Optional.empty();
        }
        LogGroup logGroup = parsed.get();
        if (!logGroup.accountId().equals(accountId)) {
            unknown.add(name + " delivers to log group " + logGroup.name() + " in account " + logGroup.accountId()
                    + (trail.organizationTrail() ? " (an organization trail)" : "")
                    + ": its metric filters, alarms and subscribers can only be read in that account, so run this control there");
            return Optional.empty();
        }
        Optional<MetricFilters> filters = read(() -> monitoring.metricFilters(logGroup.region(), logGroup.name()));
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        String path = name + " → log group " + logGroup.name() + " (" + logGroup.region() + ")";
        List<MetricFilters.Filter> matching = filters.get().filters().stream()
                .filter(filter -> FilterPattern.matchesCisRootUsage(filter.pattern()))
                .toList();
        if (matching.isEmpty()) {
            broken.add("no metric filter on log group " + logGroup.name() + " (" + logGroup.region() + ", from " + name + ") matches the CIS root usage pattern "
                    + FilterPattern.CIS_ROOT_USAGE + (filters.get().filters().isEmpty() ? "; the log group has no metric filters"
                    : "; filters considered: " + filters.get().filters().stream()
                    .map(filter -> filter.name() + " " + filter.pattern()).collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        for (MetricFilters.Filter filter : matching) {
            if (filter.metrics().isEmpty()) {
                broken.add("metric filter " + filter.name() + " on " + logGroup.name() + " publishes no metric");
            }
            for (MetricFilters.Metric metric : filter.metrics()) {
                Optional<String> complete = followMetric(path + " → metric filter " + filter.name() + " → metric " + metric, logGroup.region(), filter, metric);
                if (complete.isPresent()) {
                    return complete;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> followMetric(String path, String region, MetricFilters.Filter filter, MetricFilters.Metric metric) {
        Optional<MetricAlarms> alarms = read(() -> monitoring.alarms(region, metric));
        if (alarms.isEmpty()) {
            return Optional.empty();
        }
        if (alarms.get().alarms().isEmpty()) {
            broken.add("metric filter " + filter.name() + " publishes " + metric + " (" + region + "), but no alarm watches that metric");
            return Optional.empty();
        }
        for (MetricAlarms.Alarm alarm : alarms.get().alarms()) {
            if (!alarm.actionsEnabled()) {
                broken.add("alarm " + alarm.name() + " on " + metric + " has its actions disabled");
                continue;
            }
            if (alarm.alarmActions().isEmpty()) {
                broken.add("alarm " + alarm.name() + " on " + metric + " has no alarm action");
                continue;
            }
            if (alarm.topics().isEmpty()) {
                broken.add("alarm " + alarm.name() + " on " + metric + " notifies no SNS topic (alarm actions: " + String.join(", ", alarm.alarmActions()) + ")");
                continue;
            }
            for (String topic : alarm.topics()) {
                Optional<TopicSubscriptions> subscriptions = read(() -> monitoring.subscriptions(topic));
                if (subscriptions.isEmpty()) {
                    continue;
                }
                List<TopicSubscriptions.Subscription> confirmed = subscriptions.get().confirmed();
                if (!confirmed.isEmpty()) {
                    return Optional.of(path + " → alarm " + alarm.name() + " → SNS topic " + topic + " with " + confirmed.size() + " confirmed subscriber"
                            + (confirmed.size() == 1 ? "" : "s") + " (" + confirmed.stream().map(s -> s.protocol() + " " + s.endpoint())
                            .collect(Collectors.joining(", ")) + ")");
                }
                int pending = subscriptions.get().subscriptions().size();
                broken.add("SNS topic " + topic + " of alarm " + alarm.name() + " has no confirmed subscriber"
                        + (pending == 0 ? "" : " (" + pending + " pending confirmation)"));
            }
        }
        return Optional.empty();
    }

    private <T extends Evidence> Optional<T> read(Supplier<T> reader) {
        try {
            T record = reader.get();
            evidence.add(record);
            return Optional.of(record);
        } catch (EvidenceUnavailableException e) {
            evidence.add(new Unreadable(e));
            unknown.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** A CloudWatch Logs log group named by ARN: {@code arn:aws:logs:us-east-1:111111111111:log-group:name:*}. */
    record LogGroup(String region, String accountId, String name) {

        static Optional<LogGroup> parse(String arn) {
            String[] parts = arn.split(":");
            if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("logs") || !parts[5].equals("log-group")) {
                return Optional.empty();
            }
            return Optional.of(new LogGroup(parts[3], parts[4], parts[6]));
        }
    }
}
