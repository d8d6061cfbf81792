package org.rootposture.allure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The report's categories, which sort every result that is not a pass by verdict: "Non-compliant" (failed),
 * "Unable to assess" (broken, message starting "Unable to assess"), "Not applicable" (skipped, message starting
 * "Not applicable"), "Waived" (skipped, message starting "Waived") and "Test defects" (any other broken result).
 * Shipped as the resource {@value #RESOURCE}; the framework writes it into the results at the end of every run and
 * {@link ReportGenerator} copies it again, so it is there however the report is generated.
 */
public final class Categories {

    /** Classpath location of the categories file shipped with this module. */
    public static final String RESOURCE = "/org/rootposture/allure/categories.json";

    /** Name Allure expects in the results directory. */
    public static final String FILE_NAME = "categories.json";

    private Categories() {
    }

    /** The shipped categories file, to be closed by the caller. */
    public static InputStream open() {
        InputStream in = Categories.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new ReportException("Resource " + RESOURCE + " is missing from the rootposture-allure jar");
        }
        return in;
    }

    /**
     * Copies the shipped categories into the results directory, replacing any categories file already there.
     *
     * @return the written file
     */
    public static Path copyInto(Path resultsDir) {
        Path target = resultsDir.resolve(FILE_NAME);
        try (InputStream in = open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
