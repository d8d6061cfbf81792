package org.rootposture.runner;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code --output} folder. A run writes its Allure results and JUnit XML into a staging folder inside it; only a
 * run that was not a configuration error replaces the folder's {@code allure-results/} and {@code junit/} with them
 * and removes the previous single-file report, which is not this run's. A configuration error leaves the folder as
 * it was, the trend history in {@code allure-history/} included.
 */
final class OutputFolder implements AutoCloseable {

    static final String RESULTS = "allure-results";
    static final String JUNIT = "junit";
    static final String REPORT = "allure-report";

    private final Path folder;
    private final Path staging;
    private final boolean created;
    private boolean published;

    private OutputFolder(Path folder, Path staging, boolean created) {
        this.folder = folder;
        this.staging = staging;
        this.created = created;
    }

    /** Checks that the folder can be written, and opens the staging folder of this run in it. */
    static OutputFolder open(Path output) {
        Path folder = output.toAbsolutePath().normalize();
        boolean created = !Files.exists(folder);
        if (!created && !Files.isDirectory(folder)) {
            throw new UsageException("--output " + folder + " is a file; give a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UsageException("--output " + folder + " cannot be created: " + reason(e) + ".", e);
        }
        try {
            Path staging = Files.createTempDirectory(folder, ".rootposture-run-");
            Files.createDirectory(staging.resolve(RESULTS));
            Files.createDirectory(staging.resolve(JUNIT));
            return new OutputFolder(folder, staging, created);
        } catch (IOException e) {
            throw new UsageException("--output " + folder + " cannot be written: " + reason(e) + ".", e);
        }
    }

    Path folder() {
        return folder;
    }

    /** Where the run writes its Allure results. */
    Path stagedResults() {
        return staging.resolve(RESULTS);
    }

    /** Where the run writes its JUnit XML. */
    Path stagedJunit() {
        return staging.resolve(JUNIT);
    }

    Path results() {
        return folder.resolve(RESULTS);
    }

    Path junit() {
        return folder.resolve(JUNIT);
    }

    /** Makes this run's results and JUnit XML the folder's, and removes the previous run's single-file report. */
    void publish() {
        for (String name : new String[] {RESULTS, JUNIT, REPORT}) {
            try {
                EmbeddedAllure.delete(folder.resolve(name));
                if (!name.equals(REPORT)) {
                    Files.move(staging.resolve(name), folder.resolve(name));
                }
            } catch (IOException e) {
                throw new UsageException("--output " + folder + ": the previous run's " + name + " cannot be replaced: " + reason(e) + ".", e);
            }
        }
        published = true;
    }

    /** Removes the staging folder, and the output folder itself if this run created it and published nothing. */
    @Override
    public void close() {
        try {
            EmbeddedAllure.delete(staging);
            if (created && !published) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException onlyThisRunsDiscardedFilesRemain) {
        }
    }

    /** What the file system said, in words: {@code permission denied} rather than the bare path Java reports. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a folder";
        }
        if (e instanceof NotDirectoryException notFolder) {
            return notFolder.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage();
    }
}
