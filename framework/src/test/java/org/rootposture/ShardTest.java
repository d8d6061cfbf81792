package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;

/** Sharding a run across a CI matrix: every account is checked by exactly one shard. */
class ShardTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16})
    void shardsPartitionAnyAccountList(int count) {
        Random random = new Random(count);
        List<String> accounts = IntStream.range(0, 1000).mapToObj(i -> String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L))).toList();
        List<String> checked = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            Settings.Shard shard = new Settings.Shard(index, count);
            accounts.stream().filter(shard::includes).forEach(checked::add);
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(accounts);
    }

    @Test
    void twoRunnersOfTheDemoOrganizationCheckEveryAccountExactlyOnce() {
        Set<String> all = new HashSet<>();
        List<String> seen = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.shard", shard))) {
                lab.lab().fixture().accounts().forEach(account -> all.add(account.id()));
                lab.engine().selectors(selectClass(Keys.class)).execute().testEvents().started()
                        .stream().map(event -> event.getTestDescriptor().getDisplayName().replaceAll(".*?(\\d{12}).*", "$1")).forEach(seen::add);
            }
        }
        assertThat(seen).hasSameSizeAs(all).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aShardThatHoldsNoAccountSaysSo() {
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "111111111111", "rootposture.shard", "1/2"))) {
            assertThat(lab.engine().selectors(selectClass(Keys.class)).execute().containerEvents().failed().stream()
                    .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
                    .anyMatch(message -> message.endsWith("; rootposture.shard=1/2 holds none of the 1 (use fewer shards)."));
        }
    }

    @Test
    void aWrongShardNamesTheSetting() {
        for (String wrong : List.of("0/3", "4/3", "two/4", "3")) {
            assertThatThrownBy(() -> SettingsReader.from(Map.of("rootposture.region", "us-east-1", "rootposture.shard", wrong), Map.of()))
                    .hasMessageContaining("rootposture.shard").hasMessageContaining("'" + wrong + "'").hasMessageContaining("i/n");
        }
    }

    @RootPosture
    static class Keys {

        @RootHasNoAccessKeys
        void keys(AwsAccount account) {
        }
    }
}
