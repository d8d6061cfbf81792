package org.rootposture.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.rootposture.LabRun;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.internal.session.ReadOnlyGuard;

/**
 * The audit policy is exactly what the framework calls: every built-in control, run against the demo organization
 * through the extension (with root sessions, which only that setting opens), makes the lab serve every action of the
 * policy and no other. A tag filter
 * that keeps every account makes the run read the accounts' tags.
 */
class PolicyEqualityTest {

    @Test
    void thePolicyIsExactlyTheOperationsOfTheDescribedRecordsAndOfTheRun() {
        assertThat(DescribedRecords.all()).extracting(EvidenceRecord::name).doesNotHaveDuplicates().isNotEmpty();
        assertThat(DescribedRecords.operations()).isEqualTo(new TreeSet<>(ReadOnlyGuard.allowedActions()));
    }

    @Test
    void everyBuiltInControlCallsExactlyThePolicyActions() {
        Set<String> served = new TreeSet<>();
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.root-sessions", "true",
                // a tag filter that keeps every account, so the tags are read
                "rootposture.exclude-tags", "rootposture-never=set"))) {
            run(lab);
            served.addAll(operations(lab.lab().calls()));
        }
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "caller"))) {
            run(lab);
            served.addAll(operations(lab.lab().calls()));
        }
        assertThat(served).as("operations the lab served").isEqualTo(new TreeSet<>(ReadOnlyGuard.allowedActions()));
    }

    private static void run(LabRun lab) {
        lab.engine().selectors(selectClass(BuiltInCatalogue.class)).execute();
    }

    private static Set<String> operations(Map<String, Map<String, Integer>> calls) {
        Set<String> operations = new TreeSet<>();
        // the lab names operations by SigV4 signing name; CloudWatch signs as "monitoring", its IAM prefix is "cloudwatch"
        calls.values().forEach(byOperation -> byOperation.keySet()
                .forEach(operation -> operations.add(operation.replaceFirst("^monitoring:", "cloudwatch:"))));
        return operations;
    }

}
