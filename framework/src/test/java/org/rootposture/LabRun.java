package org.rootposture;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.rootposture.lab.Lab;
import org.rootposture.lab.LabCredentials;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;

/**
 * A local lab plus the JUnit configuration parameters that point a Root Posture run at it: its endpoint, the caller's
 * credentials and the test's settings. Nothing global is changed, so runs of different labs do not meet.
 */
public final class LabRun implements AutoCloseable {

    private final Lab lab;
    private final Map<String, String> parameters;

    private LabRun(Lab lab, Map<String, String> settings) {
        this(lab, settings, lab.callerCredentials());
    }

    private LabRun(Lab lab, Map<String, String> settings, LabCredentials caller) {
        this.lab = lab;
        Map<String, String> all = new HashMap<>(Map.of(
                "rootposture.endpoint", lab.endpoint().toString(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "aws.accessKeyId", caller.accessKeyId(),
                "aws.secretAccessKey", caller.secretAccessKey()));
        all.putAll(settings);
        this.parameters = Map.copyOf(all);
    }

    public static LabRun demo(Map<String, String> settings) {
        return new LabRun(Lab.start(DemoOrganization.fixture()), settings);
    }

    public static LabRun of(Fixture fixture, Map<String, String> settings) {
        return new LabRun(Lab.start(fixture), settings);
    }

    public Lab lab() {
        return lab;
    }

    /** The configuration parameters of a run against this lab. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The same lab, called as another of its accounts; closing it closes the lab. */
    public LabRun as(String accountId) {
        Map<String, String> settings = new HashMap<>(parameters);
        settings.keySet().removeIf(key -> key.startsWith("aws."));
        return new LabRun(lab, settings, lab.credentialsFor(accountId));
    }

    /** The same lab, with one more setting; closing it closes the lab. */
    public LabRun with(String setting, String value) {
        Map<String, String> settings = new HashMap<>(parameters);
        settings.put(setting, value);
        return new LabRun(lab, settings, lab.callerCredentials());
    }

    /** The settings a run against this lab reads. */
    public Settings settings() {
        return SettingsReader.fromEnvironment(key -> Optional.ofNullable(parameters.get(key)));
    }

    /** The Jupiter engine, configured for a run against this lab. */
    public EngineTestKit.Builder engine() {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters);
    }

    @Override
    public void close() {
        lab.close();
    }
}
