package org.rootposture.allure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this module's test classpath in a JVM of its own, with the given maximum heap. */
final class ChildJvm {

    record Exit(int status, String output) {
    }

    private ChildJvm() {
    }

    static Exit run(String maxHeap, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("rootposture-child-jvm-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("child JVM did not finish within 2 minutes: " + command);
            }
            return new Exit(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
