package org.rootposture.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.rootposture.allure.AllureCommandLine;

/**
 * The Allure commandline zip carried inside the runner jar, unpacked once per version into the user's cache
 * ({@code $XDG_CACHE_HOME/rootposture}, else {@code ~/.cache/rootposture}) and reused by later runs: the report needs
 * no download, so it works offline.
 */
final class EmbeddedAllure {

    static final String RESOURCE = "allure-commandline.zip";

    private EmbeddedAllure() {
    }

    static Path cacheDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rootposture");
    }

    /** The commandline's home, unpacking the embedded zip into {@code cache} the first time. */
    static Path home(Path cache) {
        try (InputStream zip = EmbeddedAllure.class.getResourceAsStream(RESOURCE)) {
            if (zip == null) {
                throw new UsageException("this runner jar carries no Allure commandline (" + RESOURCE
                        + "): pass --allure-home DIR, an unpacked io.qameta.allure:allure-commandline zip");
            }
            String folder = topFolder();
            Path target = cache.resolve(folder);
            Optional<Path> existing = AllureCommandLine.findHome(target);
            if (existing.isPresent()) {
                return existing.get();
            }
            Files.createDirectories(cache);
            Path staging = Files.createTempDirectory(cache, folder + ".unpacking-");
            try {
                unpack(zip, staging);
                Path unpacked = staging.resolve(folder);
                try {
                    Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException anotherRunWasFaster) {
                    // the other run's copy is complete: it was moved into place whole
                }
            } finally {
                delete(staging);
            }
            return AllureCommandLine.findHome(target)
                    .orElseThrow(() -> new IllegalStateException("the embedded Allure commandline has no lib/ in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedded Allure commandline into " + cache + ": " + e.getMessage(), e);
        }
    }

    private static String topFolder() throws IOException {
        try (ZipInputStream entries = new ZipInputStream(EmbeddedAllure.class.getResourceAsStream(RESOURCE))) {
            ZipEntry first = entries.getNextEntry();
            if (first == null || !first.getName().contains("/")) {
                throw new IOException("the embedded " + RESOURCE + " has no top-level folder");
            }
            return first.getName().substring(0, first.getName().indexOf('/'));
        }
    }

    private static void unpack(InputStream zip, Path into) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
