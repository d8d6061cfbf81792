package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {

    private static final String NAME = "Root Posture compliance report";

    @TempDir
    Path results;

    @Test
    void githubActions() {
        Executor executor = Executor.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/root-posture",
                "GITHUB_RUN_ID", "987654321",
                "GITHUB_WORKFLOW", "posture",
                "JENKINS_URL", "https://jenkins.example.com/"), NAME, "host", "user");

        assertThat(executor).isEqualTo(new Executor("GitHub Actions", "github", "https://github.com/acme/root-posture",
                987654321L, "posture #987654321", "https://github.com/acme/root-posture/actions/runs/987654321", NAME));
    }

    @Test
    void gitlab() {
        Executor executor = Executor.detect(Map.of(
                "GITLAB_CI", "true",
                "CI_PIPELINE_URL", "https://gitlab.example.com/sec/posture/-/pipelines/4242",
                "CI_JOB_NAME", "root-posture",
                "CI_PIPELINE_ID", "4242"), NAME, "host", "user");

        assertThat(executor).isEqualTo(new Executor("GitLab CI", "gitlab", null, 4242L, "root-posture #4242",
                "https://gitlab.example.com/sec/posture/-/pipelines/4242", NAME));
    }

    @Test
    void jenkins() {
        Executor executor = Executor.detect(Map.of(
                "JENKINS_URL", "https://jenkins.example.com/",
                "BUILD_URL", "https://jenkins.example.com/job/posture/17/",
                "JOB_NAME", "posture",
                "BUILD_NUMBER", "17"), NAME, "host", "user");

        assertThat(executor).isEqualTo(new Executor("Jenkins", "jenkins", "https://jenkins.example.com/", 17L,
                "posture #17", "https://jenkins.example.com/job/posture/17/", NAME));
    }

    @Test
    void localRunNamesUserAndHost() {
        Executor executor = Executor.detect(Map.of("GITHUB_ACTIONS", "false", "GITLAB_CI", ""), NAME, "laptop-7", "alice");

        assertThat(executor).isEqualTo(new Executor("Local run", "local", null, null, "alice@laptop-7", null, NAME));
    }

    @Test
    void ciWithMissingVariablesLeavesThoseFieldsOut() {
        Executor executor = Executor.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKFLOW", "posture"),
                NAME, "host", "user");

        assertThat(executor).isEqualTo(new Executor("GitHub Actions", "github", null, null, "posture", null, NAME));
    }

    @Test
    void writesExecutorJsonWithoutNullFields() throws Exception {
        Executor.detect(Map.of(), NAME, "laptop-7", "alice").writeTo(results);

        JsonNode json = new ObjectMapper().readTree(results.resolve("executor.json").toFile());
        assertThat(json.get("name").asText()).isEqualTo("Local run");
        assertThat(json.get("type").asText()).isEqualTo("local");
        assertThat(json.get("buildName").asText()).isEqualTo("alice@laptop-7");
        assertThat(json.get("reportName").asText()).isEqualTo(NAME);
        assertThat(json.has("buildUrl")).isFalse();
        assertThat(json.has("buildOrder")).isFalse();
    }
}
