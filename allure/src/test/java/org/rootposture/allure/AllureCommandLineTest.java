package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureCommandLineTest {

    @TempDir
    Path work;

    @Test
    void buildsTheGenerateCommand() throws Exception {
        Path home = Files.createDirectories(work.resolve("allure-2.34.1/lib")).getParent();
        AllureCommandLine allure = new AllureCommandLine(home, Path.of("/jdk/bin/java"), AllureHeap.parse("1536m"));

        assertThat(allure.generateCommand(work.resolve("res"), work.resolve("rep"), "Root Posture", work.resolve("allure.yml")))
                .containsExactly("/jdk/bin/java", "-Xmx1536m", "-XX:+ExitOnOutOfMemoryError", "-cp", home.resolve("lib") + "/*:" + home.resolve("lib/config"),
                        AllureCommandLine.MAIN_CLASS, "generate", "--clean", "--single-file", "--config", work.resolve("allure.yml").toString(),
                        "--name", "Root Posture", "-o", work.resolve("rep").toString(), work.resolve("res").toString());
    }

    @Test
    void findsTheHomeInsideTheUnpackFolder() throws Exception {
        Path unpacked = work.resolve("allure-commandline");
        Files.createDirectories(unpacked.resolve("allure-2.34.1/lib"));

        assertThat(AllureCommandLine.findHome(unpacked)).contains(unpacked.resolve("allure-2.34.1"));
        assertThat(AllureCommandLine.findHome(unpacked.resolve("allure-2.34.1"))).contains(unpacked.resolve("allure-2.34.1"));
        assertThat(AllureCommandLine.findHome(work.resolve("missing"))).isEmpty();
    }

    @Test
    void failureNamesTheCommandAndExitCodeAndShowsTheOutput() throws Exception {
        Path emptyHome = Files.createDirectories(work.resolve("empty home/lib")).getParent();
        AllureCommandLine allure = new AllureCommandLine(emptyHome, AllureHeap.DEFAULT);

        assertThatThrownBy(() -> allure.generateSingleFile(work.resolve("res"), work.resolve("rep"), "Root Posture"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("Allure commandline failed with exit code 1")
                .hasMessageContaining(AllureCommandLine.MAIN_CLASS + " generate --clean --single-file")
                .hasMessageContaining("'" + emptyHome.resolve("lib") + "/*:")
                .hasMessageContaining("Output:")
                .hasMessageContaining(AllureCommandLine.MAIN_CLASS);
    }
}
