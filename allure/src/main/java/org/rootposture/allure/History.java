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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Carries the trend across runs: the previous run's history folder is copied into the results directory as
 * {@value #DIRECTORY}/ before the new report is generated, so the new report's trend charts and per-result history
 * include the earlier runs; the new history is taken out of the generated report (see {@link IndexHtml}). Its
 * {@value #STATUSES} also tells what each result was in the previous run (see {@link #previousStatuses}).
 */
public final class History {

    /** The folder Allure reads from the results directory and embeds into the report. */
    public static final String DIRECTORY = "history";

    /** The file of the history that holds each result's earlier statuses, newest first, by history id. */
    static final String STATUSES = "history.json";

    private History() {
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

    /**
     * Each result's Allure status in the previous run (passed, failed, broken or skipped), by history id, from the
     * history carried into {@code resultsDir}; empty when there is none. Read as a stream: the history of a large
     * estate over many runs is never held whole.
     *
     * @throws UncheckedIOException naming the file when it is not Allure's history
     */
    public static Map<String, String> previousStatuses(Path resultsDir) {
        Path file = resultsDir.resolve(DIRECTORY).resolve(STATUSES);
        Map<String, String> statuses = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return statuses;
        }
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            expect(json.nextToken() == JsonToken.START_OBJECT, file);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String historyId = json.currentName();
                expect(json.nextToken() == JsonToken.START_OBJECT, file);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if ("items".equals(field) && value == JsonToken.START_ARRAY && json.nextToken() == JsonToken.START_OBJECT) {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String itemField = json.currentName();
                            json.nextToken();
                            if ("status".equals(itemField)) {
                                statuses.put(historyId, json.getText());
                            } else {
                                json.skipChildren();
                            }
                        }
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            json.skipChildren();
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            }
            return statuses;
        } catch (IOException e) {
            throw new UncheckedIOException("The previous run's history " + file + " is not readable: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, Path file) throws IOException {
        if (!condition) {
            throw new IOException("not the history Allure writes (an object of history ids)");
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
