package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output folders written first into a temporary folder beside their targets, then moved into place together, only
 * once all of them are complete: a generation that fails leaves the previous folders as they were. Closing removes
 * the temporary folder, with the previous folders replaced.
 *
 * <pre>
 * try (StagedOutput output = StagedOutput.beside(report)) {
 *     Path staged = output.stage(report);
 *     ... write into staged ...
 *     output.install();
 * }
 * </pre>
 */
final class StagedOutput implements AutoCloseable {

    private final Path staging;
    private final Map<Path, Path> targets = new LinkedHashMap<>();

    private StagedOutput(Path staging) {
        this.staging = staging;
    }

    /** A temporary folder in the folder of {@code target}, so that moving out of it is a rename. */
    static StagedOutput beside(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            return new StagedOutput(Files.createTempDirectory(parent, "." + target.getFileName() + ".generating-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the new report in " + parent, e);
        }
    }

    /** Where to write what goes to {@code target}, a sibling of the first target; not yet created. */
    Path stage(Path target) {
        Path staged = staging.resolve("new-" + targets.size());
        targets.put(staged, target);
        return staged;
    }

    /**
     * Replaces every target with what was staged for it.
     *
     * @throws UncheckedIOException when a folder cannot be moved; the targets are then put back as they were
     */
    void install() {
        Map<Path, Path> previous = new LinkedHashMap<>();
        List<Path> installed = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> entry : targets.entrySet()) {
                Path target = entry.getValue();
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    previous.put(target, Files.move(target, staging.resolve("previous-" + previous.size())));
                }
                installed.add(Files.move(entry.getKey(), target));
            }
        } catch (IOException e) {
            putBack(installed, previous);
            throw new UncheckedIOException("Cannot move the new report into place (" + e.getMessage()
                    + "); the previous report is left as it was", e);
        }
    }

    private static void putBack(List<Path> installed, Map<Path, Path> previous) {
        try {
            for (Path target : installed) {
                History.deleteRecursively(target);
            }
            for (Map.Entry<Path, Path> entry : previous.entrySet()) {
                Files.move(entry.getValue(), entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the previous report back from " + previous.values(), e);
        }
    }

    @Override
    public void close() {
        try {
            History.deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary folder " + staging, e);
        }
    }
}
