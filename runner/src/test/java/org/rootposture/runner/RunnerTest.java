package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.settings.Setting;

/** The runner end to end, in-process, against the demo lab (--demo) with one-control posture classes as fixtures. */
class RunnerTest {

    private static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    @TempDir
    Path output;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--output", output.toString()));
        all.addAll(List.of(args));
        return RootPostureRunner.run(all.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int runFixture(String fixturePackage, String targets, String... more) {
        List<String> args = new ArrayList<>(List.of("--demo", "--no-report", "--max-attempts", "2", "--classpath", CLASSES,
                "--select-package", "org.rootposture.runner.fixtures." + fixturePackage, "--targets", targets));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void allCompliantIsZero() throws IOException {
        assertThat(runFixture("compliant", "777777777777")).as(out() + err()).isEqualTo(0);
        assertThat(out()).contains("1 result: 1 compliant, 0 non-compliant, 0 unable to assess, 0 not applicable, 0 waived", "exit code 0");
        try (var results = Files.list(output.resolve("allure-results"))) {
            assertThat(results.filter(f -> f.toString().endsWith("-result.json"))).hasSize(1);
        }
        assertThat(output.resolve("junit/TEST-org.rootposture.runner.fixtures.compliant.HardwareMfaPosture.xml")).content()
                .contains("<testcase name=\"root.mfa.hardware · 777777777777\"").doesNotContain("<properties", "aws.secretAccessKey", "aws.accessKeyId");
    }

    @Test
    void everyTestClassOfAJarRunsWithoutSelectingAPackage() throws IOException {
        Path jar = output.getParent().resolve(output.getFileName() + "-posture.jar");
        Path classes = Path.of(CLASSES);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes.resolve("org/rootposture/runner/fixtures/compliant"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        assertThat(run("--demo", "--no-report", "--max-attempts", "2", "--classpath", jar.toString(), "--targets", "777777777777"))
                .as(out() + err()).isEqualTo(0);
        assertThat(out()).contains("1 result: 1 compliant", "exit code 0");
    }

    @Test
    void aHighFailIsOneAndBelowTheThresholdZero() {
        assertThat(runFixture("compliant", "222222222222")).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("1 non-compliant", "1 non-compliant at or above --fail-on high", "root.mfa.hardware  222222222222", "exit code 1");
        out.reset();
        assertThat(runFixture("compliant", "222222222222", "--fail-on", "critical")).as(out() + err()).isEqualTo(0);
    }

    @Test
    void aTeamCheckWhoseFirstAssertionCannotBeAssessedAndWhoseSecondFailsIsOne() {
        assertThat(runFixture("composed", "888888888888")).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("1 non-compliant, 0 unable to assess", "acme.contact-and-guardrails",
                "No SCP in effect denies every action by the root user.", "exit code 1");
    }

    @Test
    void onlyUnableToAssessIsTwo() {
        assertThat(runFixture("unable", "888888888888")).as(out() + err()).isEqualTo(2);
        assertThat(out()).contains("0 non-compliant, 1 unable to assess", "exit code 2");
    }

    @Test
    void anUnknownOptionIsThree() {
        assertThat(run("--targest", "organization")).isEqualTo(3);
        assertThat(err()).contains("unknown option --targest", "--help");
    }

    @Test
    void aWrongSettingIsThreeBeforeAnyTestRunsAndWritesNothing() {
        assertThat(run("--demo", "--concurrency", "0")).isEqualTo(3);
        assertThat(err()).contains("configuration error", "--concurrency: '0' is not allowed");
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void targetsThatCannotBeResolvedAreThree() throws IOException {
        Path outputs = Files.writeString(output.getParent().resolve(output.getFileName() + "-tf.json"), "{\"accounts\": {\"value\": 42}}");
        assertThat(run("--demo", "--no-report", "--targets", "terraform", "--terraform-outputs", outputs.toString(),
                "--terraform-output", "accounts")).as(out() + err()).isEqualTo(3);
        assertThat(err()).contains("configuration error", "The Terraform outputs file " + outputs + " line 1: output 'accounts' is number;");
    }

    @Test
    void theAllureHeapIsTheRunnersOptionAndTooSmallANamedFailure() {
        assertThat(run("--demo", "--allure-heap", "lots")).isEqualTo(3);
        assertThat(err()).contains("--allure-heap: expected a heap size as for java -Xmx, in m or g and at least 8m, such as 1536m or 2g, but got 'lots'");
        err.reset();

        assertThat(run("--demo", "--max-attempts", "2", "--classpath", CLASSES, "--select-package",
                "org.rootposture.runner.fixtures.compliant", "--targets", "777777777777", "--allure-heap", "8m")).isEqualTo(3);
        assertThat(err()).contains("The Allure commandline ran out of memory in its 8m heap; raise it with --allure-heap")
                .doesNotContain("\tat ");
        assertThat(output.resolve("allure-report")).doesNotExist();
    }

    @Test
    void theLabStartsOnlyWithDemo() {
        System.setProperty("rootposture.lab", "demo");
        try {
            assertThat(run("--no-report")).isEqualTo(3);
            assertThat(err()).contains("only with --demo");
        } finally {
            System.clearProperty("rootposture.lab");
        }
        assertThat(run("--lab", "demo")).isEqualTo(3);
    }

    @Test
    void helpExplainsEveryOptionAndExitCode() {
        assertThat(run("--help")).isEqualTo(0);
        for (Setting setting : RunnerOptions.settingOptions()) {
            assertThat(out()).contains("--" + RunnerOptions.name(setting) + " VALUE");
        }
        assertThat(out()).contains("--output", "--classpath", "--select-package", "--fail-on", "--demo", "--allure-home",
                "--no-report", "Exit codes", "configuration error").doesNotContain("--lab VALUE");
    }
}
