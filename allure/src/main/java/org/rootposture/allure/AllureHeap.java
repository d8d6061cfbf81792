package org.rootposture.allure;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maximum heap of the Allure commandline's JVM, as for {@code java -Xmx}: a whole number of megabytes or
 * gigabytes such as {@code 1536m} or {@code 2g}. Given by {@code --allure-heap} (report generator and runner), else by
 * the environment variable {@value #ENVIRONMENT_VARIABLE}, else {@link #DEFAULT}: 2g fits a 7 GB CI runner beside
 * the JVM that runs the generator, and is several times what the Allure commandline needs for 1,000 accounts.
 *
 * <pre>
 * AllureHeap.parse("3g").jvmOption();   // "-Xmx3g"
 * </pre>
 *
 * @param size the size as written, for example {@code 2g}
 */
public record AllureHeap(String size) {

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,6})([mg])");
    private static final long MINIMUM_MEGABYTES = 8;

    /** The heap used when neither the option nor the environment variable gives one. */
    public static final AllureHeap DEFAULT = new AllureHeap("2g");

    /** The environment variable read when {@code --allure-heap} is not given. */
    public static final String ENVIRONMENT_VARIABLE = "ROOTPOSTURE_ALLURE_HEAP";

    /**
     * @throws IllegalArgumentException saying what a size looks like
     */
    public AllureHeap {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches() || megabytes(matcher) < MINIMUM_MEGABYTES) {
            throw new IllegalArgumentException("expected a heap size as for java -Xmx, in m or g and at least "
                    + MINIMUM_MEGABYTES + "m, such as 1536m or 2g, but got '" + size + "'");
        }
    }

    /**
     * Parses a size such as {@code 1536m} or {@code 2G}.
     *
     * @throws IllegalArgumentException saying what a size looks like
     */
    public static AllureHeap parse(String size) {
        return new AllureHeap(size.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The heap named by {@value #ENVIRONMENT_VARIABLE} in {@code environment}, else {@link #DEFAULT}.
     *
     * @throws ReportException naming the variable when its value is not a size
     */
    public static AllureHeap fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new ReportException("The environment variable " + ENVIRONMENT_VARIABLE + ": " + e.getMessage());
        }
    }

    /** The JVM option, for example {@code -Xmx2g}. */
    public String jvmOption() {
        return "-Xmx" + size;
    }

    /** Twice this size, in the same unit: what to suggest when this one was too small. */
    AllureHeap doubled() {
        return new AllureHeap(2 * Long.parseLong(size.substring(0, size.length() - 1)) + size.substring(size.length() - 1));
    }

    private static long megabytes(Matcher matcher) {
        long number = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("g") ? number * 1024 : number;
    }

    @Override
    public String toString() {
        return size;
    }
}
