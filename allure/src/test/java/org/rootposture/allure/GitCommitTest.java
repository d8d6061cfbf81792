package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitTest {

    @Test
    void theCiVariableWinsInOrder() {
        assertThat(GitCommit.detect(Map.of("CI_COMMIT_SHA", "bbb", "GITHUB_SHA", "aaa"), Path.of(".")))
                .contains("aaa (GITHUB_SHA)");
        assertThat(GitCommit.detect(Map.of("GIT_COMMIT", " ccc "), Path.of("."))).contains("ccc (GIT_COMMIT)");
    }

    @Test
    void outsideARepositoryThereIsNone(@TempDir Path notARepository) {
        assertThat(GitCommit.detect(Map.of(), notARepository)).isEmpty();
    }
}
