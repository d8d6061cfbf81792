package org.rootposture.allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit the posture suite ran from: {@code GITHUB_SHA} (GitHub Actions), {@code CI_COMMIT_SHA} (GitLab CI) or
 * {@code GIT_COMMIT} (Jenkins), else {@code git rev-parse HEAD} in the working directory, marked when the working
 * tree has uncommitted changes. Empty outside a repository or without git.
 */
final class GitCommit {

    static final List<String> VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT");

    private GitCommit() {
    }

    static Optional<String> detect(Map<String, String> environment, Path workingDirectory) {
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip() + " (" + variable + ")");
            }
        }
        return git(workingDirectory, "rev-parse", "HEAD").filter(sha -> sha.matches("[0-9a-f]{40,64}"))
                .map(sha -> sha + git(workingDirectory, "status", "--porcelain", "--untracked-files=no")
                        .filter(changes -> !changes.isEmpty()).map(changes -> " (with uncommitted changes)").orElse(""));
    }

    private static Optional<String> git(Path directory, String... arguments) {
        try {
            Process process = new ProcessBuilder(concat(arguments)).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String[] concat(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return command;
    }
}
