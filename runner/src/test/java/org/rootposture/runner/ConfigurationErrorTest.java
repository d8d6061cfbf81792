package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration error (exit code 3) says what is wrong in one line naming the input as the user gave it, and leaves
 * an existing output folder exactly as it was: the previous results, JUnit XML, report and the report history a
 * pipeline caches.
 */
class ConfigurationErrorTest {

    private static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private Path output;
    private String before;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aPreviousRunsOutput() throws Exception {
        output = Files.createDirectories(dir.resolve("posture"));
        write("allure-results/0a78a5a0-result.json", "{\"status\": \"passed\"}");
        write("junit/TEST-junit-jupiter.xml", "<testsuite name=\"previous\"/>");
        write("allure-report/index.html", "<html>the previous run's report</html>");
        write("allure-history/history-trend.json", "[{\"data\": {\"passed\": 104}}]");
        before = tree(output);
    }

    private void write(String file, String content) throws IOException {
        Files.createDirectories(output.resolve(file).getParent());
        Files.writeString(output.resolve(file), content);
    }

    /** Every path under the folder, with the SHA-256 of each file's bytes. */
    private static String tree(Path folder) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted().toList()) {
                digest.update(folder.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(path)) {
                    digest.update(Files.readAllBytes(path));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", output.toString()));
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return RootPostureRunner.run(all.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    /** The run stopped with exit code 3 and this one sentence, and the output folder is as it was. */
    private void assertConfigurationError(int exit, String... sentence) throws Exception {
        assertSentence(exit, sentence);
        assertThat(tree(output)).as("the output folder after the error").isEqualTo(before);
    }

    private void assertSentence(int exit, String... sentence) {
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out + error).isEqualTo(RootPostureRunner.CONFIGURATION_ERROR);
        assertThat(error.lines()).singleElement().asString()
                .startsWith("Root Posture runner: configuration error: ")
                .contains(sentence)
                .doesNotContain("Exception", "[Source", "REDACTED", "in 'reader'", "AwsCredentialsProviderChain", "\tat ");
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aTruncatedTerraformOutputsFile() throws Exception {
        Path outputs = file("tf-outputs.json", "{\n  \"audited\": {\n    \"value\": [\n      \"111111111111\",");
        assertConfigurationError(run("--region", "us-east-1", "--targets", "terraform", "--terraform-outputs", outputs.toString(),
                "--terraform-output", "audited"),
                "The Terraform outputs file " + outputs + " is not valid JSON at line 4, column 22: the file ends before the JSON is complete");
    }

    @Test
    void aWrongOptionIsNamedAsTypedAndTheDemoLabNeverStarts() throws Exception {
        assertConfigurationError(run("--demo", "--concurrency", "0"),
                "--concurrency: '0' is not allowed; expected a whole number from 1 to 64");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("demo lab", "running the posture tests");
    }

    @Test
    void aWaiverFileWithAYamlError() throws Exception {
        Path waivers = file("waivers.yaml", "waivers:\n  - control: root.mfa.hardware\n     account: \"222222222222\"\n");
        assertConfigurationError(run("--demo", "--waivers", waivers.toString()),
                "The waiver file " + waivers + " is not valid YAML at line 3, column 13: a ':' where YAML does not expect one");
    }

    @Test
    void aCorruptSnapshot() throws Exception {
        Path snapshot = file("evidence.json", "{\"format\": \"rootposture-evidence\", \"version\": 1, \"accounts\": {");
        assertConfigurationError(run("--replay", snapshot.toString()),
                "The evidence snapshot " + snapshot + " is corrupted, not valid JSON at line 1, column 63: the file ends before the JSON is complete");
    }

    @Test
    void aFilterThatLeavesNoAccountIsKnownOnlyOnceTheRunStartsAndStillWritesNothing() throws Exception {
        assertConfigurationError(run("--demo", "--include-accounts", "999999999999"),
                "No account to check: the organization has 10 active accounts and none of them passes --include-accounts 999999999999.");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("posture");
        }
    }

    @Test
    void noCredentialsSaysHowToConfigureThemAndThatTheDemoNeedsNone() throws Exception {
        Map<String, String> environment = System.getenv();
        assumeTrue(Stream.of("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_PROFILE").noneMatch(environment::containsKey), "this environment provides AWS credentials");
        Map<String, String> noCredentials = Map.of("aws.sharedCredentialsFile", dir.resolve("no-credentials").toString(),
                "aws.configFile", dir.resolve("no-config").toString(), "aws.disableEc2Metadata", "true");
        noCredentials.forEach(System::setProperty);
        try (ServerSocket closed = new ServerSocket(0)) {
            String nowhere = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            assertConfigurationError(run("--region", "us-east-1", "--endpoint", nowhere),
                    "No AWS credentials were found. Set AWS_PROFILE to a profile of ~/.aws/config (SSO included), or AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, or run where an instance or pipeline role provides them.",
                    "--demo shows Root Posture without AWS");
        } finally {
            noCredentials.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenSaysWhy() throws Exception {
        output.toFile().setWritable(false, false);
        try {
            if (canCreateIn(output)) {
                output = Path.of("/sys/kernel");
                assumeTrue(Files.isDirectory(output) && !canCreateIn(output), "no folder here refuses writing to root");
                assertSentence(run("--demo", "--no-report"), "--output /sys/kernel cannot be written: operation not permitted.");
                return;
            }
            assertConfigurationError(run("--demo", "--no-report"), "--output " + output + " cannot be written: permission denied.");
        } finally {
            dir.resolve("posture").toFile().setWritable(true, false);
        }
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theFileSystemsReasonIsSaidInWords() {
        assertThat(OutputFolder.reason(new AccessDeniedException("/x/out"))).isEqualTo("permission denied");
        assertThat(OutputFolder.reason(new FileSystemException("/x/out/.rootposture-run-1", null, "Read-only file system")))
                .isEqualTo("read-only file system");
    }

    @Test
    void aRunThatIsNotAConfigurationErrorReplacesResultsAndJunitXmlAndDropsTheStaleReportButKeepsTheHistory() throws IOException {
        int exit = run("--demo", "--no-report", "--max-attempts", "2", "--classpath", CLASSES, "--select-package",
                "org.rootposture.runner.fixtures.compliant", "--targets", "777777777777");

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(output.resolve("allure-results/0a78a5a0-result.json")).doesNotExist();
        try (Stream<Path> results = Files.list(output.resolve("allure-results"))) {
            assertThat(results.filter(f -> f.toString().endsWith("-result.json"))).hasSize(1);
        }
        assertThat(output.resolve("junit/TEST-junit-jupiter.xml")).doesNotExist();
        try (Stream<Path> junit = Files.list(output.resolve("junit"))) {
            assertThat(junit).singleElement().satisfies(xml -> assertThat(xml).content().contains("<testcase").doesNotContain("previous"));
        }
        assertThat(output.resolve("allure-report")).doesNotExist();
        assertThat(output.resolve("allure-history/history-trend.json")).hasContent("[{\"data\": {\"passed\": 104}}]");
        try (Stream<Path> entries = Files.list(output)) {
            assertThat(entries).extracting(path -> path.getFileName().toString())
                    .containsExactlyInAnyOrder("allure-results", "junit", "allure-history");
        }
    }
}
