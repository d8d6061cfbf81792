package org.rootposture.allure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who produced the report, written as {@value #FILE_NAME} for the report's Executors widget: the CI run (GitHub
 * Actions, GitLab CI or Jenkins, recognised from their environment variables) or, outside CI, the local user and
 * host. Fields left {@code null} are not written.
 *
 * @param name       the executor's display name, such as "GitHub Actions"
 * @param type       Allure's executor type: {@code github}, {@code gitlab}, {@code jenkins} or {@code local}
 * @param url        the CI server or project
 * @param buildOrder a number ordering runs, when the CI has one
 * @param buildName  the run's display name, such as "posture #1234"
 * @param buildUrl   a link to the run
 * @param reportName the report's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Executor(String name, String type, String url, Long buildOrder, String buildName, String buildUrl,
                       String reportName) {

    /** Name Allure expects in the results directory. */
    public static final String FILE_NAME = "executor.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The executor described by this process's environment, this machine's host name and the current user. */
    public static Executor detect(Map<String, String> environment, String reportName) {
        return detect(environment, reportName, localHost(environment), System.getProperty("user.name"));
    }

    /**
     * The executor described by the given variables; {@code localHost} and {@code localUser} are used only when no
     * CI is recognised.
     */
    public static Executor detect(Map<String, String> env, String reportName, String localHost, String localUser) {
        if ("true".equalsIgnoreCase(value(env, "GITHUB_ACTIONS"))) {
            String server = value(env, "GITHUB_SERVER_URL");
            String repository = value(env, "GITHUB_REPOSITORY");
            String runId = value(env, "GITHUB_RUN_ID");
            String repositoryUrl = server == null || repository == null ? null : server + "/" + repository;
            return new Executor("GitHub Actions", "github", repositoryUrl, number(runId),
                    buildName(value(env, "GITHUB_WORKFLOW"), runId),
                    repositoryUrl == null || runId == null ? null : repositoryUrl + "/actions/runs/" + runId,
                    reportName);
        }
        if ("true".equalsIgnoreCase(value(env, "GITLAB_CI"))) {
            String pipelineId = value(env, "CI_PIPELINE_ID");
            return new Executor("GitLab CI", "gitlab", null, number(pipelineId),
                    buildName(value(env, "CI_JOB_NAME"), pipelineId), value(env, "CI_PIPELINE_URL"), reportName);
        }
        if (value(env, "JENKINS_URL") != null) {
            String buildNumber = value(env, "BUILD_NUMBER");
            return new Executor("Jenkins", "jenkins", value(env, "JENKINS_URL"), number(buildNumber),
                    buildName(value(env, "JOB_NAME"), buildNumber), value(env, "BUILD_URL"), reportName);
        }
        String user = localUser == null || localUser.isBlank() ? "unknown user" : localUser;
        String host = localHost == null || localHost.isBlank() ? "unknown host" : localHost;
        return new Executor("Local run", "local", null, null, user + "@" + host, null, reportName);
    }

    /**
     * Writes {@value #FILE_NAME} into the results directory.
     *
     * @return the written file
     */
    public Path writeTo(Path resultsDir) {
        Path target = resultsDir.resolve(FILE_NAME);
        try {
            JSON.writeValue(target.toFile(), this);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String buildName(String job, String run) {
        if (job == null) {
            return run == null ? null : "#" + run;
        }
        return run == null ? job : job + " #" + run;
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String localHost(Map<String, String> env) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String fromEnv = value(env, "HOSTNAME");
            return fromEnv != null ? fromEnv : value(env, "COMPUTERNAME");
        }
    }
}
