package org.rootposture.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rootposture.LabRun;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.lab.fixture.Fixture;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/**
 * Secrets never leave: after every built-in control ran against the whole demo organization, nothing the run wrote
 * (Allure results with their evidence attachments, and what it printed) holds an access key id, a secret key, a
 * session token or the full e-mail address of an account or a contact.
 */
class SecretsNeverLeaveTest {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final List<String> SECRETS = List.of("labSecretKey", "LabSessionToken", "LabRootSessionToken");

    @Test
    void nothingARunWritesHoldsASecretOrAFullAddress(@TempDir Path results) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Set<String> addresses;
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization"))) {
            addresses = addressesIn(lab.lab().fixture());
            // the patterns fit the lab's fake credentials, so a leak would be found
            assertThat(lab.lab().callerCredentials().accessKeyId()).matches(ACCESS_KEY_ID);
            assertThat(lab.lab().callerCredentials().secretAccessKey()).contains(SECRETS.get(0));
            System.setOut(new PrintStream(tee(out, console), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(tee(err, console), true, StandardCharsets.UTF_8));
            Allure.setLifecycle(lifecycle);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().configurationParameters(lab.parameters()).selectors(selectClass(BuiltInCatalogue.class)).build());
            assertThat(lab.lab().totalCalls()).isPositive();
        } finally {
            Allure.setLifecycle(original);
            System.setOut(out);
            System.setErr(err);
        }

        Map<String, String> written = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(results)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                written.put(results.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        written.put("console", console.toString(StandardCharsets.UTF_8));
        assertThat(written.keySet()).anyMatch(name -> name.endsWith("-attachment.json"));
        assertThat(addresses).isNotEmpty();

        List<String> leaks = new ArrayList<>();
        written.forEach((name, text) -> {
            Matcher key = ACCESS_KEY_ID.matcher(text);
            while (key.find()) {
                leaks.add(name + ": access key id " + key.group());
            }
            SECRETS.stream().filter(text::contains).forEach(secret -> leaks.add(name + ": " + secret));
            addresses.stream().filter(text::contains).forEach(address -> leaks.add(name + ": e-mail address " + address));
        });
        assertThat(leaks).isEmpty();
    }

    /** Every e-mail address in the fixture (accounts, alternate contacts, subscribers), as its records print it. */
    private static Set<String> addressesIn(Fixture fixture) {
        Matcher matcher = EMAIL.matcher(fixture.toString());
        Set<String> addresses = new TreeSet<>();
        while (matcher.find()) {
            addresses.add(matcher.group());
        }
        return addresses;
    }

    private static OutputStream tee(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                first.write(bytes, offset, length);
                second.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                first.flush();
                second.flush();
            }
        };
    }
}
