package org.rootposture.internal.controls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.Severity;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.ConfigRecorders;
import org.rootposture.evidence.ConfigRuleCompliance;
import org.rootposture.evidence.ConfigRules;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.RootActivity;
import org.rootposture.evidence.Trails;
import org.rootposture.evidence.Unreadable;
import org.rootposture.internal.session.EvidenceUnavailableException;

/** The controls on how root activity is monitored and their decisions (see CONTROLS.md, "Monitoring of root activity"). */
public final class MonitoringControls {

    static final String MONITORING = "Root activity monitoring";
    private static final String CIS_LINK = "https://www.cisecurity.org/benchmark/amazon_web_services";
    private static final int EVENTS_NAMED = 10;
    private static final String NOT_EVERY_RULE_DEPLOYED = "Not every AWS Config root rule is deployed.";

    /** The AWS managed Config rules about root, by source identifier, with the names AWS suggests for them. */
    static final Map<String, String> ROOT_RULES = rootRules();

    public static final BuiltInControl TRAIL_MULTI_REGION_LOGGING = new RootControl(new ControlDefinition(
            "trail.multi-region.logging", "A multi-region trail is logging management events (read and write)",
            RootCredentialControls.CIS, MONITORING, CisReference.all("v3.0.0:3.1", "v5.0.0:3.1", "v6.0.0:4.1", "v7.0.0:4.1"), Severity.HIGH,
            "Without a logging multi-region trail there is no durable record of what the root user (or anyone) did in a region; "
                    + "the 90-day event history is per region, cannot be kept, and is gone when an investigation starts late.",
            "CloudTrail console → Trails → Create trail (or edit one): apply to all regions, management events Read and Write, "
                    + "then Start logging. CLI: `aws cloudtrail create-trail --name org-trail --s3-bucket-name <bucket> --is-multi-region-trail` "
                    + "and `aws cloudtrail start-logging --name org-trail`; Terraform: aws_cloudtrail with is_multi_region_trail = true "
                    + "and enable_logging = true. An organization trail from the management account covers every member.",
            List.of("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
                    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html", CIS_LINK)),
            false, MonitoringControls::trailLogging);

    public static final BuiltInControl ROOT_ACTIVITY_NONE_RECENT = new PerRegionControl(new RootControl(new ControlDefinition(
            "trail.root-activity.none-recent", "No root activity in CloudTrail event history within the window",
            RootCredentialControls.CIS, MONITORING, CisReference.all("v3.0.0:1.7", "v5.0.0:1.6", "v6.0.0:2.6", "v7.0.0:2.7"), Severity.HIGH,
            "The credential report only says when root's password or keys were last used; CloudTrail says what root did, from where and "
                    + "in which region. Any use of the root user's own credentials in the window is either a break-glass use to explain or a "
                    + "habit to stop. Central root sessions (sts:AssumeRoot, opened from the management account for one privileged task) also "
                    + "act as root, but are not use of the root user's credentials: they are listed apart, with who opened them, and do not fail.",
            "Find who used root and why from the listed events (CloudTrail → Event history, filter User name = root); move that work "
                    + "to IAM roles. CLI: `aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root "
                    + "--region <region>`. For a central root session, the management account's event history names who opened it "
                    + "(`aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRoot`).",
            List.of("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html", CIS_LINK)),
            true, MonitoringControls::rootActivityNoneRecent));

    public static final BuiltInControl ALARM_ROOT_USAGE = new RootControl(new ControlDefinition(
            "alarm.root-usage", "Root usage raises an alarm that reaches a confirmed subscriber",
            RootCredentialControls.CIS, MONITORING, CisReference.all("v3.0.0:4.3", "v5.0.0:4.3", "v6.0.0:5.3", "v7.0.0:5.3"), Severity.MEDIUM,
            "Root use should be rare enough that each one is noticed the moment it happens; a metric filter without an alarm, an alarm "
                    + "without an action or a topic nobody confirmed is a chain that ends in silence. With an organization trail (AWS Control "
                    + "Tower's default) the log group, and so the chain, lives in the management or log-archive account: it is judged there, "
                    + "and every member the trail covers gets that verdict.",
            "On the trail's log group create a metric filter with the pattern " + FilterPattern.CIS_ROOT_USAGE + " (CloudWatch → Log "
                    + "groups → Metric filters), an alarm on its metric (threshold ≥ 1 in 5 minutes) that notifies an SNS topic, and confirm "
                    + "the topic's subscription. CLI: `aws logs put-metric-filter`, `aws cloudwatch put-metric-alarm --alarm-actions <topic-arn>`, "
                    + "`aws sns subscribe`; Terraform: aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_sns_topic_subscription. "
                    + "For an organization trail, do this once in the account that owns its log group, and let the run read that account (a "
                    + "target, or the audit role deployed in it).",
            List.of("https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-1",
                    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html", CIS_LINK)),
            true, AlarmChain::decide);

    public static final BuiltInControl CONFIG_RECORDER_ALL_REGIONS = new PerRegionControl(new RootControl(new ControlDefinition(
            "config.recorder.all-regions", "AWS Config is recording in every enabled region",
            RootCredentialControls.CIS, MONITORING, CisReference.all("v3.0.0:3.3", "v5.0.0:3.3", "v6.0.0:4.3", "v7.0.0:4.3"), Severity.MEDIUM,
            "AWS Config records how resources, IAM included, change over time and evaluates the root rules; a region without a recorder "
                    + "is a region where a change goes unrecorded and unevaluated.",
            "AWS Config console → Settings (in each enabled region): record all resource types, include global resources in one "
                    + "region, and turn recording on. CLI: `aws configservice put-configuration-recorder` and "
                    + "`aws configservice start-configuration-recorder --configuration-recorder-name default`; Terraform: "
                    + "aws_config_configuration_recorder and aws_config_configuration_recorder_status with is_enabled = true.",
            List.of("https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html", CIS_LINK)),
            false, MonitoringControls::configRecorder));

    public static final BuiltInControl CONFIG_ROOT_RULES_COMPLIANT = new RootControl(new ControlDefinition(
            "config.root-rules.compliant", "AWS Config root rules are deployed and compliant",
            RootCredentialControls.BEYOND_CIS, MONITORING, List.of(), Severity.HIGH,
            "AWS Config's managed rules re-check root's MFA and access keys continuously between audits; deployed and compliant, they "
                    + "are an independent second opinion on the root credential controls. Judged in the run's region (rootposture.region), "
                    + "where Config evaluates the account's global IAM resources.",
            "AWS Config console → Rules → Add rule → AWS managed rules root-account-mfa-enabled, root-account-hardware-mfa-enabled and "
                    + "iam-root-access-key-check; then fix what they find. CLI: `aws configservice put-config-rule` with Source Owner AWS and "
                    + "SourceIdentifier ROOT_ACCOUNT_MFA_ENABLED (and the other two); Terraform: aws_config_config_rule.",
            List.of("https://docs.aws.amazon.com/config/latest/developerguide/root-account-mfa-enabled.html",
                    "https://docs.aws.amazon.com/config/latest/developerguide/root-account-hardware-mfa-enabled.html",
                    "https://docs.aws.amazon.com/config/latest/developerguide/iam-root-access-key-check.html")),
            true, MonitoringControls::configRootRules);

    public static final BuiltInControl ROOT_FINDINGS_ALERTED = new PerRegionControl(new RootControl(new ControlDefinition(
            "guardduty.root-findings.alerted", "GuardDuty's root credential usage findings reach someone",
            RootCredentialControls.BEYOND_CIS, MONITORING, List.of(), Severity.MEDIUM,
            "GuardDuty reports every use of root credentials as the finding Policy:IAMUser/RootCredentialUsage, but it rates it Low "
                    + "(severity 2): a finding nobody is told about waits in the console. An EventBridge rule on the default event bus that "
                    + "matches it and has a target (an SNS topic, a queue, a ticketing function) is what tells someone; a rule that keeps only "
                    + "findings of severity 4 or more, a common way to cut noise, misses it. Whether a rule matches is asked of EventBridge "
                    + "itself (events:TestEventPattern with a sample finding), never guessed from the pattern's text. GuardDuty sends the "
                    + "findings of its member accounts to the administrator account's event bus as well (a delegated administrator of the "
                    + "organization, or one that invited the account), so a rule there counts for every member; the verdict says whose rule it is.",
            "Enable GuardDuty in every region (`aws guardduty create-detector --enable`; in an organization, a delegated administrator "
                    + "with auto-enable for every account). Then, in each region, in the account or once in the GuardDuty administrator account, "
                    + "create a rule on the default event bus with the pattern {\"source\": [\"aws.guardduty\"], \"detail-type\": "
                    + "[\"GuardDuty Finding\"], \"detail\": {\"type\": [\"Policy:IAMUser/RootCredentialUsage\"]}} (or every finding, "
                    + "whatever its severity) and a target: `aws events put-rule --name guardduty-root-usage --event-pattern file://pattern.json` "
                    + "and `aws events put-targets --rule guardduty-root-usage --targets Id=alerts,Arn=<sns-topic-arn>`; Terraform: "
                    + "aws_guardduty_detector, aws_cloudwatch_event_rule and aws_cloudwatch_event_target.",
            List.of("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_cloudwatch.html",
                    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-finding-types-iam.html",
                    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html")),
            true, RootFindingAlerts::decide));

    private MonitoringControls() {
    }

    /** The six controls in catalogue order. */
    public static List<BuiltInControl> all() {
        return List.of(TRAIL_MULTI_REGION_LOGGING, ROOT_ACTIVITY_NONE_RECENT, ALARM_ROOT_USAGE, CONFIG_RECORDER_ALL_REGIONS, CONFIG_ROOT_RULES_COMPLIANT,
                ROOT_FINDINGS_ALERTED);
    }

    static Verdict trailLogging(AccountEvidence evidence, EvaluationContext context) {
        MonitoringEvidence monitoring = evidence.monitoring();
        Trails trails = monitoring.trails();
        if (trails.multiRegion().isEmpty()) {
            return Verdict.fail(Reason.of("No multi-region trail is visible to the account.", trails.trails().isEmpty()
                    ? "No trail is visible in " + trails.region() + "."
                    : "The " + trails.trails().size() + " trail(s) visible in " + trails.region() + " log a single region ("
                    + trails.trails().stream().map(trail -> trail.describe(evidence.identity().accountId())).collect(Collectors.joining(", ")) + ")."),
                    trails);
        }
        List<TrailAssessment.Judged> judged = TrailAssessment.judge(monitoring, trails, evidence.identity().accountId(), context.await());
        Evidence[] used = Stream.concat(Stream.of(trails), judged.stream().flatMap(trail -> trail.evidence().stream())).toArray(Evidence[]::new);
        Optional<TrailAssessment.Judged> qualifying = judged.stream().filter(trail -> trail.state() == TrailAssessment.State.QUALIFIES).findFirst();
        if (qualifying.isPresent()) {
            return Verdict.pass(Reason.of(qualifying.get().finding(), "Trail " + qualifying.get().sentence() + "."), used);
        }
        String sentences = judged.stream().map(TrailAssessment.Judged::sentence).collect(Collectors.joining("; ")) + ".";
        Optional<TrailAssessment.Judged> unknown = judged.stream().filter(trail -> trail.state() == TrailAssessment.State.UNKNOWN).findFirst();
        if (unknown.isPresent()) {
            return Verdict.unableToAssess(Reason.of(unknown.get().finding(), "No multi-region trail is known to log all management events: " + sentences), used);
        }
        return Verdict.fail(Reason.of(judged.get(0).finding(), "No multi-region trail logs all management events: " + sentences), used);
    }

    static Verdict rootActivityNoneRecent(AccountEvidence evidence, EvaluationContext context) {
        String region = context.requiredRegion();
        RootActivity activity = evidence.monitoring().rootActivity(region);
        Duration window = context.usageWindow();
        String windowName = window.toDays() + "-day window";
        Instant start = context.now().minus(window);
        List<RootActivity.Event> recent = activity.since(start);
        List<Evidence> used = new ArrayList<>(List.of(activity));
        String sessions = CentralRootSessions.describe(evidence, region, activity.rootSessionEventsSince(start), used);
        String besides = (sessions.isEmpty() ? "" : " Besides, " + sessions) + leftOut(activity);
        Evidence[] evidenceUsed = used.toArray(Evidence[]::new);
        if (!recent.isEmpty()) {
            String named = recent.stream().limit(EVENTS_NAMED).map(RootActivity.Event::describe).collect(Collectors.joining("; "));
            return Verdict.fail(Reason.of("The root user's own credentials were used within the window.",
                    "The root user was active in " + region + " within the " + windowName + ": " + recent.size() + " event"
                            + (recent.size() == 1 ? "" : "s") + " (" + named + (recent.size() > EVENTS_NAMED ? "; and " + (recent.size() - EVENTS_NAMED)
                            + " more in the evidence" : "") + ")." + besides), evidenceUsed);
        }
        if (window.compareTo(RootActivity.EVENT_HISTORY) > 0) {
            return Verdict.unableToAssess(Reason.of("The window is longer than the 90 days CloudTrail's event history keeps.",
                    "No root activity in " + region + "'s CloudTrail event history, but it keeps only the last "
                            + RootActivity.EVENT_HISTORY.toDays() + " days and the window is " + window.toDays()
                            + " days; the rest of the window is only in the trail's archived logs." + besides), evidenceUsed);
        }
        if (!sessions.isEmpty()) {
            return Verdict.pass(Reason.of("Only central root sessions acted as the root user within the window; its own credentials were not used.",
                    "No use of the root user's own credentials in " + region + "'s CloudTrail event history within the " + windowName + "."
                            + besides), evidenceUsed);
        }
        return Verdict.pass(Reason.of("No root activity within the window.",
                "No root activity in " + region + "'s CloudTrail event history within the " + windowName + "." + besides), evidenceUsed);
    }

    private static String leftOut(RootActivity activity) {
        List<String> parts = new ArrayList<>();
        if (activity.excludedServiceEvents() > 0) {
            parts.add(activity.excludedServiceEvents() + " event(s) of AWS services acting as root");
        }
        if (activity.excludedNotRoot() > 0) {
            parts.add(activity.excludedNotRoot() + " event(s) of an IAM user named root");
        }
        return parts.isEmpty() ? "" : " Left out: " + String.join(", ", parts) + ".";
    }

    static Verdict configRecorder(AccountEvidence evidence, EvaluationContext context) {
        String region = context.requiredRegion();
        ConfigRecorders recorders = evidence.monitoring().configRecorders(region);
        if (recorders.recorders().isEmpty()) {
            return Verdict.fail(Reason.of("AWS Config has no configuration recorder in the region.",
                    "config:DescribeConfigurationRecorders lists no recorder in " + region + "."), recorders);
        }
        List<String> problems = new ArrayList<>();
        String finding = null;
        boolean statusMissing = false;
        for (ConfigRecorders.Recorder recorder : recorders.recorders()) {
            String name = "the recorder " + recorder.name() + " in " + region;
            if (recorder.recording() == null) {
                statusMissing = true;
                problems.add(name + " has no status in config:DescribeConfigurationRecorderStatus");
            } else if (!recorder.recording()) {
                finding = finding != null ? finding : "The AWS Config recorder is not recording in the region.";
                problems.add(name + " is not recording" + (recorder.lastStopTime() == null ? "" : " (stopped " + recorder.lastStopTime() + ")"));
            } else if ("FAILURE".equals(recorder.lastStatus())) {
                finding = finding != null ? finding : "The AWS Config recorder is recording, but its last delivery failed.";
                problems.add(name + " is recording but its last delivery failed (" + recorder.lastErrorCode() + ": " + recorder.lastErrorMessage() + ")");
            } else {
                return Verdict.pass(Reason.of("AWS Config is recording in the region.", "In " + region + ", " + name + " is on (last status "
                        + recorder.lastStatus() + ", " + (Boolean.FALSE.equals(recorder.allSupported()) ? "a selection of resource types" : "all supported resource types")
                        + (Boolean.TRUE.equals(recorder.includeGlobalResourceTypes()) ? ", global resources included" : "") + ")."), recorders);
            }
        }
        String sentence = String.join("; ", problems) + ".";
        if (statusMissing) {
            return Verdict.unableToAssess(Reason.of("A configuration recorder has no status, so whether AWS Config records in the region is unknown.",
                    sentence), recorders);
        }
        return Verdict.fail(Reason.of(finding, sentence), recorders);
    }

    static Verdict configRootRules(AccountEvidence evidence, EvaluationContext context) {
        MonitoringEvidence monitoring = evidence.monitoring();
        ConfigRules rules = monitoring.configRules();
        String region = rules.region();
        Map<String, List<ConfigRules.Rule>> deployed = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        ROOT_RULES.forEach((identifier, suggestedName) -> {
            List<ConfigRules.Rule> found = rules.managed(identifier);
            if (found.isEmpty()) {
                missing.add(suggestedName + " (" + identifier + ")");
            } else {
                deployed.put(identifier, found);
            }
        });
        String notDeployed = missing.isEmpty() ? "" : "not deployed in " + region + ": " + String.join(", ", missing);
        List<String> names = deployed.values().stream().flatMap(List::stream).map(ConfigRules.Rule::name).toList();
        if (names.isEmpty()) {
            return Verdict.fail(Reason.of("No AWS Config root rule is deployed.", "Rules " + notDeployed + "."), rules);
        }
        ConfigRuleCompliance compliance;
        try {
            compliance = monitoring.configRuleCompliance(names, missing.isEmpty() ? context.await() : Optional.empty());
        } catch (EvidenceUnavailableException e) {
            if (!missing.isEmpty()) {
                return Verdict.fail(Reason.of(NOT_EVERY_RULE_DEPLOYED, "AWS Config root rules are " + notDeployed
                        + " (the compliance of the others could not be read: " + e.getMessage() + ")."), rules, new Unreadable(e));
            }
            throw e;
        }
        List<String> nonCompliant = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        deployed.values().stream().flatMap(List::stream).forEach(rule -> {
            String type = compliance.of(rule.name());
            String name = rule.name() + (rule.name().equals(ROOT_RULES.get(rule.sourceIdentifier())) ? "" : " (" + rule.sourceIdentifier() + ")");
            switch (type) {
                case "COMPLIANT" -> { }
                case "NOT_APPLICABLE" -> notApplicable.add(name);
                case "NON_COMPLIANT" -> nonCompliant.add(name);
                default -> pending.add(name);
            }
        });
        if (!nonCompliant.isEmpty() || !missing.isEmpty()) {
            List<String> sentences = new ArrayList<>();
            if (!nonCompliant.isEmpty()) {
                sentences.add(String.join(", ", nonCompliant) + (nonCompliant.size() == 1 ? " is" : " are") + " NON_COMPLIANT in " + region);
            }
            if (!missing.isEmpty()) {
                sentences.add(notDeployed);
            }
            return Verdict.fail(Reason.of(nonCompliant.isEmpty() ? NOT_EVERY_RULE_DEPLOYED : "An AWS Config root rule is NON_COMPLIANT.",
                    "AWS Config root rules: " + String.join("; ", sentences) + "."), rules, compliance);
        }
        if (!pending.isEmpty()) {
            String rulesPending = String.join(", ", pending);
            if (compliance.awaited() != null) {
                return Verdict.unableToAssess(Reason.of("AWS Config had still not evaluated a root rule when the wait ended.",
                        rulesPending + (pending.size() == 1 ? " was" : " were") + " still INSUFFICIENT_DATA after " + compliance.awaited() + " ("
                                + compliance.reads() + " reads of config:DescribeComplianceByConfigRule in " + region + ")."), rules, compliance);
            }
            return Verdict.unableToAssess(Reason.of("AWS Config has not evaluated a root rule yet.", "Config has not evaluated " + rulesPending
                    + " yet (INSUFFICIENT_DATA in " + region + ", read once); set rootposture.await, e.g. PT5M, to wait for the evaluation."),
                    rules, compliance);
        }
        return Verdict.pass(Reason.of("The AWS Config root rules are deployed and compliant.", "The rules " + String.join(", ", names)
                + " are deployed in " + region + " and compliant" + (notApplicable.isEmpty() ? "" : "; " + String.join(", ", notApplicable)
                + (notApplicable.size() == 1 ? " is" : " are")
                + " NOT_APPLICABLE, which Config answers when there is nothing to check (such as a root user without credentials)") + "."),
                rules, compliance);
    }

    private static Map<String, String> rootRules() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("ROOT_ACCOUNT_MFA_ENABLED", "root-account-mfa-enabled");
        rules.put("ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", "root-account-hardware-mfa-enabled");
        rules.put("IAM_ROOT_ACCESS_KEY_CHECK", "iam-root-access-key-check");
        return Collections.unmodifiableMap(rules);
    }
}
