package org.rootposture.lab;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;

/**
 * Starts the lab with the demo organization for a whole JUnit Platform launcher session when the system property
 * {@code rootposture.lab} is {@code demo}, and points Root Posture and the AWS SDK at it through the system properties
 * {@code rootposture.endpoint}, {@code aws.accessKeyId}, {@code aws.secretAccessKey} and {@code aws.region} (the last
 * only when unset). Without the property it does nothing, so production runs never touch the lab.
 */
public final class DemoLabSession implements LauncherSessionListener {

    /** The system property that asks for the lab. */
    public static final String PROPERTY = "rootposture.lab";
    /** The only value of {@link #PROPERTY} the lab knows. */
    public static final String DEMO = "demo";
    /** The region the lab serves when the run names none ({@code aws.region} unset). */
    public static final String DEFAULT_REGION = "us-east-1";

    private Lab lab;
    private final Map<String, String> replaced = new LinkedHashMap<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        if (!value.strip().equals(DEMO)) {
            throw new IllegalArgumentException("System property " + PROPERTY + " is '" + value + "', but the only allowed value is '" + DEMO
                    + "' (-D" + PROPERTY + "=" + DEMO + "); leave it unset to run against AWS");
        }
        Fixture fixture = DemoOrganization.fixture();
        lab = Lab.start(fixture);
        LabCredentials credentials = lab.callerCredentials();
        set("rootposture.endpoint", lab.endpoint().toString());
        set("aws.accessKeyId", credentials.accessKeyId());
        set("aws.secretAccessKey", credentials.secretAccessKey());
        if (System.getProperty("aws.region") == null) {
            set("aws.region", DEFAULT_REGION);
        }
        System.out.println("Root Posture demo lab: serving demo organization "
                + fixture.organizationIfAny().map(Organization::id).orElse("(none)")
                + " (" + fixture.accounts().size() + " accounts) at " + lab.endpoint());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (lab == null) {
            return;
        }
        replaced.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        replaced.clear();
        System.out.println(callSummary(lab.calls()));
        lab.close();
        lab = null;
    }

    static String callSummary(Map<String, Map<String, Integer>> calls) {
        int total = calls.values().stream().flatMap(byOperation -> byOperation.values().stream()).mapToInt(Integer::intValue).sum();
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.values().forEach(operations -> operations.forEach((operation, count) -> byOperation.merge(operation, count, Integer::sum)));
        return String.format(Locale.ROOT, "Root Posture demo lab: served %d AWS calls for %d accounts (%.1f per account): %s",
                total, calls.size(), calls.isEmpty() ? 0.0 : (double) total / calls.size(), byOperation);
    }

    private void set(String name, String value) {
        replaced.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
