package org.rootposture;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.rootposture.lab.Lab;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Fixture;

/**
 * A local lab plus the system properties that point a Root Posture run at it, restored on close. Tests that run
 * posture classes in-process use it, since the run reads its settings from system properties.
 */
public final class LabRun implements AutoCloseable {

    private final Lab lab;
    private final Properties saved = (Properties) System.getProperties().clone();

    private LabRun(Lab lab, Map<String, String> settings) {
        this.lab = lab;
        Map<String, String> all = new HashMap<>(Map.of(
                "rootposture.endpoint", lab.endpoint().toString(),
                "rootposture.region", "us-east-1",
                "rootposture.max-attempts", "2",
                "aws.accessKeyId", lab.callerCredentials().accessKeyId(),
                "aws.secretAccessKey", lab.callerCredentials().secretAccessKey()));
        all.putAll(settings);
        all.forEach(System::setProperty);
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

    @Override
    public void close() {
        System.setProperties(saved);
        lab.close();
    }
}
