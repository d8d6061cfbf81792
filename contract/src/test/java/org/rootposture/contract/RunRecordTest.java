package org.rootposture.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

    @TempDir
    Path results;

    @Test
    void readsWhatTheFrameworkWritesAndLeavesOutAbsentValues() throws Exception {
        RunRecord record = new RunRecord(null, null, "111111111111", "aws", 2, null, List.of("us-east-1"), "1.0", "a", "b", null, null, null);
        Files.writeString(results.resolve(RunRecord.FILE_NAME), record.toJson());

        assertThat(RunRecord.read(results)).contains(record);
        assertThat(record.toJson()).doesNotContain("organizationId", "waiversFile");
    }

    @Test
    void theRecordsOfShardsReadAsOneRun() throws Exception {
        RunRecord.WaiverRecord waiver = new RunRecord.WaiverRecord("root.mfa.hardware", "*", "Jane", "why", "2099-01-01", false, 1, 3);
        Files.writeString(results.resolve("a-" + RunRecord.FILE_NAME), new RunRecord("o-1", "111111111111", "111111111111", "aws", 3, 1,
                List.of("us-east-1"), "1.0", "2026-01-01T00:00:05Z", "2026-01-01T00:01:00Z", null, "waivers.yaml", List.of(waiver)).toJson());
        Files.writeString(results.resolve("b-" + RunRecord.FILE_NAME), new RunRecord("o-1", "111111111111", "222222222222", "aws", 4, 0,
                List.of("eu-west-1"), "1.0", "2026-01-01T00:00:00Z", "2026-01-01T00:00:50Z", null, "waivers.yaml", List.of(waiver)).toJson());

        RunRecord merged = RunRecord.read(results).orElseThrow();

        assertThat(merged.accountsChecked()).isEqualTo(7);
        assertThat(merged.accountsSkipped()).isEqualTo(1);
        assertThat(merged.accountsInReport()).isEqualTo(8);
        assertThat(merged.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(merged.callerAccount()).isIn("111111111111, 222222222222", "222222222222, 111111111111");
        assertThat(merged.organizationId()).isEqualTo("o-1");
        assertThat(merged.start()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(merged.end()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(merged.waivers()).singleElement().extracting(RunRecord.WaiverRecord::failures).isEqualTo(2);
    }

    @Test
    void noRecordIsEmptyAndABrokenOneNamesTheFile() throws Exception {
        assertThat(RunRecord.read(results)).isEmpty();

        Files.writeString(results.resolve(RunRecord.FILE_NAME), "{not json");

        assertThatThrownBy(() -> RunRecord.read(results)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(results.resolve(RunRecord.FILE_NAME).toString());
    }
}
