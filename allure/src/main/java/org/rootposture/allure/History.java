package org.rootposture.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Carries the trend across runs: the {@value #DIRECTORY} folder of the previous multi-file report is copied into
 * the results directory before the new report is generated, so the new report's trend charts and per-test history
 * include the earlier runs.
 */
public final class History {

    /** The folder Allure reads from the results directory and writes into a multi-file report. */
    public static final String DIRECTORY = "history";

    private History() {
    }

    /**
     * Replaces {@code <resultsDir>/history} with {@code <previousReport>/history} when the previous report has one.
     *
     * @return the number of files copied; 0 when there is no previous history
     */
    public static int copy(Path previousReport, Path resultsDir) {
        return carry(previousReport.resolve(DIRECTORY), resultsDir);
    }

    /**
     * Replaces {@code <resultsDir>/history} with the given history folder, such as one restored from a pipeline
     * cache, when it exists.
     *
     * @return the number of files copied; 0 when the folder does not exist
     */
    public static int carry(Path source, Path resultsDir) {
        if (!Files.isDirectory(source)) {
            return 0;
        }
        Path target = resultsDir.resolve(DIRECTORY);
        try {
            deleteRecursively(target);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(source)) {
                walk.forEach(files::add);
            }
            int copied = 0;
            for (Path from : files) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the previous report's history from " + source + " to " + target, e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
