package org.rootposture.moto;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A moto server ({@code python3 -m moto.server}, started through {@code moto_server.py}, which fills in moto 5.2.1's
 * stub of EventBridge's TestEventPattern with moto's own pattern matcher) on a free loopback port for the tests of one
 * class: started before the class, stopped (with every process it started) after it. Register it with
 * {@code @RegisterExtension static final MotoServer MOTO = new MotoServer();}.
 *
 * <p>A machine without python3 or moto fails the class with a message saying what to install: the moto tests are part
 * of CI and must never be skipped silently. {@code -Dmoto.python=/path/to/python} picks another interpreter.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** {@code python3 -m moto.server} with EventBridge's TestEventPattern answered by moto's own pattern matcher (see the script). */
    private static final String SCRIPT = "moto_server.py";
    private static final String INSTALL_HINT = "install it with: python3 -m pip install 'moto[server]==5.2.1'";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private Path log;
    private Path script;
    private URI endpoint;

    /** The server's URL, e.g. {@code http://127.0.0.1:50123}. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("moto is not running: register MotoServer as a static @RegisterExtension field");
        }
        return endpoint;
    }

    /** Forgets every resource in every account (moto's {@code POST /moto-api/reset}). */
    public void reset() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("moto did not reset: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            fail("moto did not reset: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while resetting moto", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String python = System.getProperty("moto.python", "python3");
        int port = freeLoopbackPort();
        log = Files.createTempFile("moto-server-", ".log");
        script = Files.createTempFile("moto-server-", ".py");
        try (InputStream source = MotoServer.class.getResourceAsStream(SCRIPT)) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = List.of(python, script.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            fail("Cannot start the moto server: '" + python + "' is not installed or not on the PATH (" + e.getMessage()
                    + "). The moto integration tests need Python 3 with moto 5.2.1; " + INSTALL_HINT, e);
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            await("moto server on " + endpoint)
                    .atMost(START_TIMEOUT)
                    .pollDelay(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(200))
                    .pollInSameThread()
                    .failFast("the moto server process exited", () -> !process.isAlive())
                    .until(this::answers);
        } catch (TerminalFailureException e) {
            String output = output();
            stop();
            fail("The moto server exited at start (exit code " + process.exitValue() + ")"
                    + (output.contains("No module named") ? ": moto is not installed for " + python + "; " + INSTALL_HINT : "")
                    + ". Command: " + String.join(" ", command) + "\nOutput:\n" + output, e);
        } catch (ConditionTimeoutException e) {
            String output = output();
            stop();
            fail("The moto server did not answer on " + endpoint + " within " + START_TIMEOUT
                    + ". Command: " + String.join(" ", command) + "\nOutput:\n" + output, e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        for (Path file : new Path[] {log, script}) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String output() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
