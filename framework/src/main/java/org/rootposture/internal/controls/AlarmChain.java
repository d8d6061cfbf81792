package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.MetricAlarms;
import org.rootposture.evidence.MetricFilters;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.TopicSubscriptions;
import org.rootposture.evidence.Trails;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The decision of {@code alarm.root-usage}: from each logging multi-region trail to its CloudWatch Logs log group, a
 * metric filter with the CIS root usage pattern, an alarm on its metric with an action, and an SNS topic with a
 * confirmed subscriber. One complete chain passes; otherwise the verdict names the missing link of each chain, and its
 * finding is the link that the chain closest to complete lacks. A log group in another account (an organization trail,
 * AWS Control Tower's default, or a log-archive account) is judged where it lives, in the account that owns it, read
 * through the run's session for that account; every account the trail covers gets that verdict, the owner named.
 */
final class AlarmChain {

    /** The links of the chain, in order, each with the finding when it is the one missing. */
    enum Link {
        LOG_GROUP("Root usage is not alarmed: the trail delivers no events to CloudWatch Logs."),
        FILTER("Root usage is not alarmed: no metric filter on the trail's log group matches the CIS root usage pattern."),
        METRIC("Root usage is not alarmed: the root usage metric filter publishes no metric."),
        ALARM("Root usage is not alarmed: no alarm watches the root usage metric."),
        ACTIONS_ENABLED("The root usage alarm has its actions disabled."),
        ACTION("The root usage alarm has no alarm action."),
        TOPIC("The root usage alarm notifies no SNS topic."),
        SUBSCRIBER("The root usage alarm's SNS topic has no confirmed subscriber.");

        private final String finding;

        Link(String finding) {
            this.finding = finding;
        }
    }

    static final String ALARMED = "Root usage raises an alarm that reaches a confirmed subscriber.";
    static final String OWNER_UNREADABLE = "The account that owns the trail's log group cannot be read.";

    private record Broken(Link link, String sentence) { }

    private record Unknown(String finding, String sentence) { }

    /**
     * Where a log group's chain is read: this account, or the account that owns the log group.
     *
     * @param path  how a complete chain's sentence starts
     * @param where how a broken link's sentence starts: empty in this account, the trail and owner otherwise
     */
    private record Owner(MonitoringEvidence monitoring, Optional<String> accountId, String path, String where) { }

    private final AccountEvidence account;
    private final String accountId;
    private final Set<Evidence> evidence = new LinkedHashSet<>();
    private final List<Broken> broken = new ArrayList<>();
    private final List<Unknown> unknown = new ArrayList<>();

    private AlarmChain(AccountEvidence account) {
        this.account = account;
        this.accountId = account.identity().accountId();
    }

    static Verdict decide(AccountEvidence account, EvaluationContext context) {
        return new AlarmChain(account).decide(context);
    }

    private Verdict decide(EvaluationContext context) {
        MonitoringEvidence monitoring = account.monitoring();
        Trails trails = monitoring.trails();
        evidence.add(trails);
        List<TrailAssessment.Judged> judged = TrailAssessment.judge(monitoring, trails, accountId, context.await());
        judged.forEach(trail -> evidence.addAll(trail.evidence()));
        List<TrailAssessment.Judged> logging = judged.stream().filter(trail -> trail.state() == TrailAssessment.State.QUALIFIES).toList();
        if (logging.isEmpty()) {
            String sentences = judged.isEmpty() ? "no multi-region trail is visible in " + trails.region()
                    : judged.stream().map(TrailAssessment.Judged::sentence).collect(Collectors.joining("; "));
            Optional<TrailAssessment.Judged> unknownTrail = judged.stream().filter(trail -> trail.state() == TrailAssessment.State.UNKNOWN).findFirst();
            if (unknownTrail.isPresent()) {
                return Verdict.unableToAssess(Reason.of(unknownTrail.get().finding(), "The root usage alarm hangs off a logging multi-region trail, "
                        + "and none is known to exist: " + sentences + "."), evidence());
            }
            return Verdict.fail(Reason.of("Root usage is not alarmed: no multi-region trail is logging management events.",
                    "No multi-region trail is logging management events to watch (" + sentences + ")."), evidence());
        }
        for (TrailAssessment.Judged trail : logging) {
            Optional<String> complete = follow(trail.trail());
            if (complete.isPresent()) {
                return Verdict.pass(Reason.of(ALARMED, complete.get() + "."), evidence());
            }
        }
        String brokenSentences = broken.stream().map(Broken::sentence).collect(Collectors.joining("; "));
        if (!unknown.isEmpty()) {
            return Verdict.unableToAssess(Reason.of(unknown.get(0).finding(), "No complete root usage alarm chain could be confirmed: "
                    + unknown.stream().map(Unknown::sentence).collect(Collectors.joining("; ")) + (broken.isEmpty() ? "" : "; " + brokenSentences) + "."),
                    evidence());
        }
        Link furthest = broken.stream().map(Broken::link).max(Comparator.naturalOrder()).orElseThrow();
        return Verdict.fail(Reason.of(furthest.finding, "Root usage is not alarmed: " + brokenSentences + "."), evidence());
    }

    private Evidence[] evidence() {
        return evidence.toArray(Evidence[]::new);
    }

    private Optional<String> follow(Trails.Trail trail) {
        String name = "trail " + trail.describe(accountId);
        if (trail.logGroupArn() == null) {
            broken.add(new Broken(Link.LOG_GROUP, name + " delivers no events to CloudWatch Logs (no CloudWatchLogsLogGroupArn), "
                    + "so no metric filter can see root activity"));
            return Optional.empty();
        }
        Optional<LogGroup> parsed = LogGroup.parse(trail.logGroupArn());
        if (parsed.isEmpty()) {
            unknown.add(new Unknown("The trail's CloudWatch Logs destination is not a log group ARN.",
                    name + " delivers to " + trail.logGroupArn() + ", which is not a log group ARN Root Posture understands"));
            return Optional.empty();
        }
        LogGroup logGroup = parsed.get();
        Owner owner;
        if (logGroup.accountId().equals(accountId)) {
            owner = new Owner(account.monitoring(), Optional.empty(), name + " → log group " + logGroup.name() + " (" + logGroup.region() + ") → ", "");
        } else {
            String coveredBy = "Covered by " + (trail.organizationTrail() ? "organization trail " : "trail ") + trail.name() + ", log group "
                    + logGroup.name() + " (" + logGroup.region() + ") in account " + logGroup.accountId() + ":";
            try {
                owner = new Owner(account.monitoringOf(logGroup.accountId()), Optional.of(logGroup.accountId()), coveredBy + " ", coveredBy + " ");
            } catch (EvidenceUnavailableException e) {
                ownerUnreadable(coveredBy + " ", logGroup.accountId(), e);
                return Optional.empty();
            }
        }
        Optional<MetricFilters> filters = read(owner, () -> owner.monitoring().metricFilters(logGroup.region(), logGroup.name()));
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        List<MetricFilters.Filter> matching = filters.get().filters().stream()
                .filter(filter -> FilterPattern.matchesCisRootUsage(filter.pattern()))
                .toList();
        if (matching.isEmpty()) {
            broken.add(new Broken(Link.FILTER, owner.where() + "no metric filter on log group " + logGroup.name() + " (" + logGroup.region()
                    + ") of " + name + " matches the CIS root usage pattern " + FilterPattern.CIS_ROOT_USAGE + (filters.get().filters().isEmpty()
                    ? "; the log group has no metric filters"
                    : "; filters considered: " + filters.get().filters().stream()
                    .map(filter -> filter.name() + " " + filter.pattern()).collect(Collectors.joining(", ")))));
            return Optional.empty();
        }
        for (MetricFilters.Filter filter : matching) {
            if (filter.metrics().isEmpty()) {
                broken.add(new Broken(Link.METRIC, owner.where() + "metric filter " + filter.name() + " on " + logGroup.name() + " publishes no metric"));
            }
            for (MetricFilters.Metric metric : filter.metrics()) {
                Optional<String> complete = followMetric(owner, owner.path() + "metric filter " + filter.name() + " → metric " + metric,
                        logGroup.region(), filter, metric);
                if (complete.isPresent()) {
                    return complete;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> followMetric(Owner owner, String path, String region, MetricFilters.Filter filter, MetricFilters.Metric metric) {
        Optional<MetricAlarms> alarms = read(owner, () -> owner.monitoring().alarms(region, metric));
        if (alarms.isEmpty()) {
            return Optional.empty();
        }
        String where = owner.where();
        if (alarms.get().alarms().isEmpty()) {
            broken.add(new Broken(Link.ALARM, where + "metric filter " + filter.name() + " publishes " + metric + " (" + region
                    + "), but no alarm watches that metric"));
            return Optional.empty();
        }
        for (MetricAlarms.Alarm alarm : alarms.get().alarms()) {
            if (!alarm.actionsEnabled()) {
                broken.add(new Broken(Link.ACTIONS_ENABLED, where + "alarm " + alarm.name() + " on " + metric + " has its actions disabled"));
                continue;
            }
            if (alarm.alarmActions().isEmpty()) {
                broken.add(new Broken(Link.ACTION, where + "alarm " + alarm.name() + " on " + metric + " has no alarm action"));
                continue;
            }
            if (alarm.topics().isEmpty()) {
                broken.add(new Broken(Link.TOPIC, where + "alarm " + alarm.name() + " on " + metric + " notifies no SNS topic (alarm actions: "
                        + String.join(", ", alarm.alarmActions()) + ")"));
                continue;
            }
            for (String topic : alarm.topics()) {
                Optional<TopicSubscriptions> subscriptions = read(owner, () -> owner.monitoring().subscriptions(topic));
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
                broken.add(new Broken(Link.SUBSCRIBER, where + "SNS topic " + topic + " of alarm " + alarm.name() + " has no confirmed subscriber"
                        + (pending == 0 ? "" : " (" + pending + " pending confirmation)")));
            }
        }
        return Optional.empty();
    }

    private <T extends Evidence> Optional<T> read(Owner owner, Supplier<T> reader) {
        try {
            T record = reader.get();
            evidence.add(record);
            return Optional.of(record);
        } catch (EvidenceUnavailableException e) {
            evidence.add(new Unreadable(e));
            owner.accountId().ifPresentOrElse(ownerId -> ownerUnreadable(owner.where(), ownerId, e),
                    () -> unknown.add(new Unknown(Reason.failed(e), e.getMessage())));
            return Optional.empty();
        }
    }

    private void ownerUnreadable(String where, String ownerId, EvidenceUnavailableException e) {
        unknown.add(new Unknown(OWNER_UNREADABLE, where + "its metric filter, alarm and subscribers can only be read in account " + ownerId
                + ", and reading them failed (" + e.getMessage() + "); add account " + ownerId + " to the run's targets, or let the run's "
                + "audit role (rootposture.role) be assumed in it"));
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
