package org.rootposture.lab;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.rootposture.contract.LocalLab;
import org.rootposture.lab.demo.DemoOrganization;
import org.rootposture.lab.fixture.Fixture;
import org.rootposture.lab.fixture.Organization;

/**
 * The lab serving the demo organization, which a run asks for with {@code rootposture.lab=demo} (the runner's
 * {@code --demo}): the framework finds it on the class path, starts it for the run and closes it at the run's end.
 * Production runs, without the setting or without this module on the class path, never touch it.
 */
public final class DemoLab implements LocalLab {

    /** The name a run asks for. */
    public static final String DEMO = "demo";
    /** The region the lab serves when the run names none. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The fixture of the demo organization, on the class path. */

    @Override
    public String name() {
        return DEMO;
    }

    @Override
    public String region() {
        return DEFAULT_REGION;
    }

    @Override
    public Running start() {
        Fixture fixture = DemoOrganization.fixture();
        Lab lab = Lab.start(fixture);
        System.out.println("Root Posture demo lab: serving demo organization "
                + fixture.organizationIfAny().map(Organization::id).orElse("(none)")
                + " (" + fixture.accounts().size() + " accounts) at " + lab.endpoint());
        LabCredentials credentials = lab.callerCredentials();
        return new Running() {
            @Override
            public URI endpoint() {
                return lab.endpoint();
            }

            @Override
            public String accessKeyId() {
                return credentials.accessKeyId();
            }

            @Override
            public String secretAccessKey() {
                return credentials.secretAccessKey();
            }

            @Override
            public void close() {
                System.out.println(callSummary(lab.calls()));
                lab.close();
            }
        };
    }

    static String callSummary(Map<String, Map<String, Integer>> calls) {
        int total = calls.values().stream().flatMap(byOperation -> byOperation.values().stream()).mapToInt(Integer::intValue).sum();
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.values().forEach(operations -> operations.forEach((operation, count) -> byOperation.merge(operation, count, Integer::sum)));
        return String.format(Locale.ROOT, "Root Posture demo lab: served %d AWS calls for %d accounts (%.1f per account): %s",
                total, calls.size(), calls.isEmpty() ? 0.0 : (double) total / calls.size(), byOperation);
    }
}
