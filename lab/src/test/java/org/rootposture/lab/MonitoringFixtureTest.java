package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class MonitoringFixtureTest {

    private static final String REGIONS = "\"regions\": {\"us-east-1\": \"ENABLED_BY_DEFAULT\", \"eu-west-1\": \"ENABLED\", \"ap-east-1\": \"DISABLED\"}";

    private static void rejected(String monitoring, String... fragments) {
        assertThatThrownBy(() -> Fixtures.organization("\"monitoring\": {" + monitoring + "}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account 222222222222")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void leftOutMonitoringFieldsTakeDefaults() {
        AccountFixture account = Fixtures.single("""
                "monitoring": {"trails": [{"name": "main"}], "rootEvents": [{"time": "-P1D", "name": "ConsoleLogin"}, {"time": "-P2D", "name": "GetUser"}],
                               "config": {"us-east-1": {"recorder": {}, "rules": [{"name": "mfa", "sourceIdentifier": "ROOT_ACCOUNT_MFA_ENABLED"}]}}}
                """).accounts().get(0);

        assertThat(Fixtures.single("").accounts().get(0).monitoring().regions()).containsOnlyKeys("us-east-1");
        TrailFixture trail = account.monitoring().trails().get(0);
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(trail.multiRegion()).isFalse();
        assertThat(trail.organizationTrail()).isFalse();
        assertThat(trail.logging()).containsExactly(true);
        assertThat(trail.eventSelectors()).containsExactly(new EventSelectorFixture("All", true, List.of()));
        assertThat(trail.customSelectors()).isFalse();
        assertThat(account.monitoring().rootEvents()).extracting(RootEventFixture::eventType, RootEventFixture::source)
                .containsExactly(tuple("AwsConsoleSignIn", "signin.amazonaws.com"),
                        tuple("AwsApiCall", "iam.amazonaws.com"));
        ConfigFixture config = account.monitoring().config().get("us-east-1");
        assertThat(config.recorder()).isEqualTo(new ConfigRecorderFixture("default", true, "SUCCESS", true, true, null, "-P30D", "-P1D"));
        assertThat(config.rules().get(0).compliance()).containsExactly("COMPLIANT");
    }

    @Test
    void anUnknownMonitoringFieldIsNamedWithItsAccountAndPath() {
        assertThatThrownBy(() -> Fixtures.organization("\"monitoring\": {\"trails\": [{\"name\": \"main\", \"homeregion\": \"us-east-1\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("homeregion", "222222222222", "accounts[1].monitoring.trails[0]");
    }

    @Test
    void regionsMustBeRealNamesWithAKnownStatusAndDataMustLieInEnabledOnes() {
        rejected("\"regions\": {\"us_east_1\": \"ENABLED\"}", "monitoring.regions", "'us_east_1'");
        rejected("\"regions\": {\"us-east-1\": \"ON\"}", "monitoring.regions.us-east-1", "'ON'");
        rejected("\"trails\": [{\"name\": \"main\", \"homeRegion\": \"eu-west-1\"}]", "monitoring.trails[0].homeRegion", "'eu-west-1'",
                "not an enabled region");
        rejected(REGIONS + ", \"alarms\": [{\"region\": \"ap-east-1\", \"name\": \"a\", \"metricName\": \"m\", \"namespace\": \"n\"}]",
                "monitoring.alarms[0].region", "'ap-east-1'");
        rejected(REGIONS + ", \"config\": {\"eu-central-1\": {\"recorder\": {}}}", "monitoring.config key", "'eu-central-1'");
        rejected("\"rootEvents\": [{\"time\": \"-P1D\", \"name\": \"ConsoleLogin\", \"region\": \"eu-west-1\"}]", "monitoring.rootEvents[0].region");
        rejected("\"metricFilters\": [{\"region\": \"mars-1\", \"logGroupName\": \"g\", \"filterName\": \"f\", \"pattern\": \"\", "
                + "\"metricName\": \"m\", \"namespace\": \"n\"}]", "monitoring.metricFilters[0].region");
    }

    @Test
    void badEnumerationsAreNamedWithTheirField() {
        rejected("\"rootEvents\": [{\"time\": \"-P1D\", \"name\": \"ConsoleLogin\", \"eventType\": \"ApiCall\"}]", "monitoring.rootEvents[0].eventType",
                "'ApiCall'");
        rejected("\"alarms\": [{\"name\": \"a\", \"metricName\": \"m\", \"namespace\": \"n\", \"state\": \"RED\"}]", "monitoring.alarms[0].state");
        rejected("\"subscriptions\": [{\"topicArn\": \"arn:aws:sns:us-east-1:222222222222:t\", \"protocol\": \"pager\", \"endpoint\": \"x\"}]",
                "monitoring.subscriptions[0].protocol");
        rejected("\"trails\": [{\"name\": \"main\", \"eventSelectors\": [{\"readWriteType\": \"Everything\"}]}]",
                "monitoring.trails[0].eventSelectors[0].readWriteType");
        rejected("\"trails\": [{\"name\": \"main\", \"advancedEventSelectors\": [{\"fieldSelectors\": [{\"field\": \"eventcategory\", "
                + "\"equals\": [\"Management\"]}]}]}]", "monitoring.trails[0].advancedEventSelectors[0].fieldSelectors[0].field");
        rejected("\"config\": {\"us-east-1\": {\"recorder\": {\"lastStatus\": \"OK\"}}}", "monitoring.config.us-east-1.recorder.lastStatus");
        rejected("\"config\": {\"us-east-1\": {\"rules\": [{\"name\": \"mfa\", \"sourceIdentifier\": \"ROOT_MFA\"}]}}",
                "monitoring.config.us-east-1.rules[0].sourceIdentifier", "ROOT_ACCOUNT_MFA_ENABLED");
        rejected("\"config\": {\"us-east-1\": {\"rules\": [{\"name\": \"mfa\", \"sourceIdentifier\": \"ROOT_ACCOUNT_MFA_ENABLED\", "
                + "\"compliance\": [\"INSUFFICIENT_DATA\", \"GREEN\"]}]}}", "monitoring.config.us-east-1.rules[0].compliance", "'GREEN'");
    }

    @Test
    void inconsistentTrailsAreRejected() {
        rejected("\"trails\": [{\"name\": \"org\", \"organizationTrail\": true}]", "monitoring.trails[0].organizationTrail", "management account");
        rejected("\"trails\": [{\"name\": \"main\", \"eventSelectors\": [{}], \"advancedEventSelectors\": [{\"fieldSelectors\": "
                + "[{\"field\": \"eventCategory\", \"equals\": [\"Management\"]}]}]}]", "both eventSelectors and advancedEventSelectors");
        rejected("\"trails\": [{\"name\": \"main\", \"advancedEventSelectors\": [{\"fieldSelectors\": [{\"field\": \"eventCategory\"}]}]}]",
                "needs a condition");
        rejected("\"trails\": [{\"name\": \"main\", \"logging\": []}]", "monitoring.trails[0].logging");
        rejected("\"trails\": [{\"name\": \"main\"}, {\"name\": \"main\"}]", "monitoring.trails[1].name", "duplicate");
        rejected("\"trails\": [{\"name\": \"x\"}]", "monitoring.trails[0].name");
        rejected("\"trails\": [{\"name\": \"main\", \"logGroupArn\": \"arn:aws:logs:us-east-1:111111111111:log-group:trail:*\"}]",
                "monitoring.trails[0].logGroupArn", "account 222222222222");
        rejected("\"trails\": [{\"name\": \"main\", \"logGroupArn\": \"cloudtrail\"}]", "monitoring.trails[0].logGroupArn");
    }

    @Test
    void otherMonitoringInconsistenciesAreRejected() {
        rejected("\"rootEvents\": [{\"time\": \"yesterday\", \"name\": \"ConsoleLogin\"}]", "monitoring.rootEvents[0].time", "'yesterday'");
        rejected("\"rootEvents\": [{\"time\": \"-P1D\"}]", "monitoring.rootEvents[0].name");
        rejected("\"topics\": [\"arn:aws:sns:us-east-1:111111111111:t\"]", "monitoring.topics[0]", "must be a topic of account 222222222222");
        rejected("\"subscriptions\": [{\"topicArn\": \"root-alerts\", \"endpoint\": \"x\"}]", "monitoring.subscriptions[0].topicArn");
        rejected("\"subscriptions\": [{\"topicArn\": \"arn:aws:sns:us-east-1:222222222222:t\"}]", "monitoring.subscriptions[0].endpoint");
        rejected("\"metricFilters\": [{\"logGroupName\": \"g\", \"filterName\": \"f\", \"metricName\": \"m\", \"namespace\": \"n\"}]",
                "monitoring.metricFilters[0].pattern");
        rejected("\"alarms\": [{\"name\": \"a\", \"metricName\": \"m\", \"namespace\": \"n\", \"actions\": [\"root-alerts\"]}]",
                "monitoring.alarms[0].actions[0]");
        rejected("\"config\": {\"us-east-1\": {\"rules\": [{\"name\": \"mfa\", \"sourceIdentifier\": \"ROOT_ACCOUNT_MFA_ENABLED\"}, "
                + "{\"name\": \"mfa\", \"sourceIdentifier\": \"IAM_ROOT_ACCESS_KEY_CHECK\"}]}}", "monitoring.config.us-east-1.rules[1].name", "duplicate");
        rejected("\"config\": {\"us-east-1\": {\"rules\": [{\"name\": \"mfa\", \"sourceIdentifier\": \"ROOT_ACCOUNT_MFA_ENABLED\", \"compliance\": []}]}}",
                "monitoring.config.us-east-1.rules[0].compliance");
    }
}
