package org.rootposture.allure;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless {@code chromium}, run once per page with a fresh profile, every outside request sent to an
 * {@link OutsideRequestTrap}. Found through the {@code CHROMIUM} variable or on the PATH. When it is missing the
 * test aborts with the install command, except under {@code CI=true}, where it fails: CI must run it.
 */
final class Chromium {

    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;
    private final OutsideRequestTrap trap;

    private Chromium(Path executable, OutsideRequestTrap trap) {
        this.executable = executable;
        this.trap = trap;
    }

    static Chromium require(Map<String, String> environment, OutsideRequestTrap trap) {
        Optional<Path> found = find(environment);
        if (found.isEmpty()) {
            String message = "Chromium is not installed (looked for $CHROMIUM and " + NAMES + " on the PATH); "
                    + "install it with: apt-get update && apt-get install -y chromium";
            if ("true".equalsIgnoreCase(environment.get("CI"))) {
                fail("CI=true, so the browser test must run: " + message);
            }
            Assumptions.abort(message);
        }
        return new Chromium(found.get(), trap);
    }

    static Optional<Path> find(Map<String, String> environment) {
        String explicit = environment.get("CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The page's DOM after its scripts ran. */
    String dumpDom(String url, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", url);
    }

    /** Saves a screenshot of the page. */
    void screenshot(String url, Path png, Path work) throws IOException, InterruptedException {
        run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1000", url);
    }

    /** Prints the page to a PDF as the print stylesheet lays it out, without the browser's header and footer. */
    void printToPdf(String url, Path pdf, Path work) throws IOException, InterruptedException {
        run(work, "--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer", url);
    }

    private String run(Path work, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path output = Files.createTempFile(work, "chromium", ".out");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-default-apps", "--disable-features=NetworkTimeServiceQuerying,Translate,MediaRouter",
                "--user-data-dir=" + profile,
                "--proxy-server=" + trap.proxy(), "--proxy-bypass-list=<-loopback>", "--virtual-time-budget=8000"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 90 s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(work.resolve("chromium.err"), StandardCharsets.UTF_8));
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
