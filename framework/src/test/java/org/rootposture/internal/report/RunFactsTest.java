package org.rootposture.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.contract.RunRecord;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.waivers.Waivers;

class RunFactsTest {

    @Test
    void theRecordCarriesTheRunFactsAndRedactedWaivers(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("risks.yaml"), """
                - control: root.mfa.hardware
                  account: "*"
                  justification: Owner ops@example.com replaces key AKIAIOSFODNN7EXAMPLE
                  approver: Jane Doe (CISO)
                  expires: 2099-12-31
                """);
        Waivers waivers = Waivers.load(Optional.of(file), Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
        waivers.apply("root.mfa.hardware", "222222222222", Verdict.fail("virtual"));

        RunRecord record = RunFacts.of(8, "aws", "111111111111", Instant.parse("2026-11-22T00:12:46.123Z"),
                        Instant.parse("2026-11-22T00:12:56.999Z"))
                .withOrganization(Optional.of("o-demo1234"), Optional.of("111111111111"))
                .withRegions(List.of("us-east-1"))
                .withAccountsSkipped(1)
                .withEvidenceRecorded(Optional.of(Instant.parse("2026-11-21T10:00:00.5Z")))
                .withWaivers(waivers)
                .toRecord();

        assertThat(record.organizationId()).isEqualTo("o-demo1234");
        assertThat(record.accountsChecked()).isEqualTo(8);
        assertThat(record.accountsSkipped()).isEqualTo(1);
        assertThat(record.evidenceRecorded()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(record.start()).isEqualTo("2026-11-22T00:12:46Z");
        assertThat(record.end()).isEqualTo("2026-11-22T00:12:56Z");
        assertThat(record.waiversFile()).isEqualTo("risks.yaml");
        assertThat(record.waivers()).singleElement().satisfies(waiver -> {
            assertThat(waiver.justification()).isEqualTo("Owner o***@example.com replaces key AKIA************MPLE");
            assertThat(waiver.failures()).isEqualTo(1);
            assertThat(waiver.expired()).isFalse();
            assertThat(waiver.line()).isEqualTo(1);
        });
    }

    @Test
    void withoutAnOrganizationOrWaiversThoseAreLeftOut() {
        RunRecord record = RunFacts.of(1, "aws-us-gov", "111111111111", Instant.EPOCH, Instant.EPOCH).toRecord();

        assertThat(record.toJson()).doesNotContain("organizationId", "waiversFile", "evidenceRecorded").contains("\"partition\" : \"aws-us-gov\"");
    }
}
